#include "GradeJson.h"

#include "CubeFile.h"
#include "Error.h"
#include "JsonFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <utility>

namespace cg::GradeJson {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cg::GradeJson)
};

const QString kFormatTag = QStringLiteral("cinegrade-grade");

/// Sane ranges: wide enough for any grade a colorist makes, narrow enough to catch a typo
/// ("exposure": 50) before it turns every frame white.
constexpr JsonFile::Range kExposure{-10.0, 10.0};
constexpr JsonFile::Range kWhiteBalance{-100.0, 100.0};
constexpr JsonFile::Range kAdditiveWheel{-2.0, 2.0};             // lift, offset: code values
constexpr JsonFile::Range kMultiplicativeWheel{0.0, 16.0, true}; // gamma, gain: a factor, never 0
constexpr JsonFile::Range kContrast{0.0, 10.0};
constexpr JsonFile::Range kPivot{0.0, 1.0};
constexpr JsonFile::Range kSaturation{0.0, 10.0};
constexpr JsonFile::Range kCurveCoordinate{0.0, 1.0};
constexpr qsizetype kMaxCurvePoints = 64;

const char* const kCurveChannels[] = {"master", "red", "green", "blue"};

const std::vector<CurvePoint>& curveChannel(const Curves& curves, int index)
{
    return index == 0 ? curves.master : curves.channel(index - 1);
}

std::vector<CurvePoint>& curveChannel(Curves& curves, int index)
{
    return const_cast<std::vector<CurvePoint>&>(curveChannel(std::as_const(curves), index));
}

QJsonObject wheelToJson(const Wheel& wheel)
{
    return {{QStringLiteral("master"), wheel.master},
            {QStringLiteral("r"), wheel.rgb.r},
            {QStringLiteral("g"), wheel.rgb.g},
            {QStringLiteral("b"), wheel.rgb.b}};
}

void readWheel(const JsonFile::Reader& reader, const QJsonObject& parent, const QString& parentPath,
               const QString& key, JsonFile::Range range, Wheel& wheel)
{
    const auto it = parent.constFind(key);
    if (it == parent.constEnd())
        return;
    const QString path = JsonFile::joinPath(parentPath, key);
    const QJsonObject object = reader.toObject(*it, path);
    reader.checkKeys(
        object, path,
        {QStringLiteral("master"), QStringLiteral("r"), QStringLiteral("g"), QStringLiteral("b")});
    reader.read(object, path, QStringLiteral("master"), wheel.master, range);
    reader.read(object, path, QStringLiteral("r"), wheel.rgb.r, range);
    reader.read(object, path, QStringLiteral("g"), wheel.rgb.g, range);
    reader.read(object, path, QStringLiteral("b"), wheel.rgb.b, range);
}

std::vector<CurvePoint> readCurve(const JsonFile::Reader& reader, const QJsonValue& value,
                                  const QString& path)
{
    const QJsonArray array = reader.toArray(value, path);
    if (array.size() > kMaxCurvePoints)
        reader.fail(path,
                    Text::tr("has %1 points; a curve has at most %2").arg(array.size()).arg(kMaxCurvePoints));
    std::vector<CurvePoint> points;
    points.reserve(size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString pointPath = JsonFile::indexPath(path, i);
        const QJsonArray pair = reader.toArray(array.at(i), pointPath);
        if (pair.size() != 2)
            reader.fail(pointPath, Text::tr("must be a point [x, y], not %1 numbers").arg(pair.size()));
        const CurvePoint point{
            reader.toNumber(pair.at(0), JsonFile::indexPath(pointPath, 0), kCurveCoordinate),
            reader.toNumber(pair.at(1), JsonFile::indexPath(pointPath, 1), kCurveCoordinate)};
        // The monotone spline needs distinct, sorted x (Fritsch & Carlson 1980 divide by x steps).
        if (!points.empty() && !(point.x > points.back().x))
            reader.fail(pointPath,
                        Text::tr("has x = %1, but x must increase from point to point (previous x = %2)")
                            .arg(point.x)
                            .arg(points.back().x));
        points.push_back(point);
    }
    return points;
}

void readCurves(const JsonFile::Reader& reader, const QJsonObject& parent, const QString& parentPath,
                Curves& curves)
{
    const auto it = parent.constFind(QLatin1String("curves"));
    if (it == parent.constEnd())
        return;
    const QString path = JsonFile::joinPath(parentPath, QStringLiteral("curves"));
    const QJsonObject object = reader.toObject(*it, path);
    QStringList channels;
    for (const char* channel : kCurveChannels)
        channels << QLatin1String(channel);
    reader.checkKeys(object, path, channels);
    for (int c = 0; c < 4; ++c) {
        const auto channel = object.constFind(channels[c]);
        if (channel != object.constEnd())
            curveChannel(curves, c) = readCurve(reader, *channel, JsonFile::joinPath(path, channels[c]));
    }
}

void readLook(const JsonFile::Reader& reader, const QJsonObject& parent, const QString& parentPath,
              const QString& baseDir, LookLut& look)
{
    const auto it = parent.constFind(QLatin1String("look"));
    if (it == parent.constEnd() || it->isNull())
        return;
    const QString path = JsonFile::joinPath(parentPath, QStringLiteral("look"));
    const QString stored = reader.toString(*it, path);
    if (stored.isEmpty())
        return;
    const QString file = JsonFile::resolvedPath(stored, baseDir);
    if (!QFileInfo::exists(file))
        reader.fail(path, Text::tr("names a look LUT that does not exist: %1").arg(file));
    try {
        look.lut = CubeFile::read(file);
    } catch (const InputError& error) {
        reader.fail(path, Text::tr("cannot be loaded: %1").arg(error.message()));
    }
    look.path = file;
}

} // namespace

QJsonObject toJson(const Grade& grade, const QString& baseDir)
{
    QJsonObject curves;
    for (int c = 0; c < 4; ++c) {
        QJsonArray points;
        for (const CurvePoint& point : curveChannel(grade.curves, c))
            points.append(QJsonArray{point.x, point.y});
        curves.insert(QLatin1String(kCurveChannels[c]), points);
    }
    // Every control is written, defaults included, so a file says what it does without the program.
    // A look without a file (content made in memory) cannot be referenced; callers write it first.
    const QString lookPath = JsonFile::storedPath(grade.look.path, baseDir);
    return {{QStringLiteral("format"), kFormatTag},
            {QStringLiteral("version"), kFormatVersion},
            {QStringLiteral("exposure"), grade.exposure},
            {QStringLiteral("temperature"), grade.temperature},
            {QStringLiteral("tint"), grade.tint},
            {QStringLiteral("lift"), wheelToJson(grade.lift)},
            {QStringLiteral("gamma"), wheelToJson(grade.gamma)},
            {QStringLiteral("gain"), wheelToJson(grade.gain)},
            {QStringLiteral("offset"), wheelToJson(grade.offset)},
            {QStringLiteral("contrast"), grade.contrast},
            {QStringLiteral("pivot"), grade.pivot},
            {QStringLiteral("saturation"), grade.saturation},
            {QStringLiteral("curves"), curves},
            {QStringLiteral("look"), lookPath.isEmpty() ? QJsonValue() : QJsonValue(lookPath)}};
}

Grade fromJson(const QJsonObject& json, const QString& sourceName, const QString& baseDir,
               const QString& jsonPath)
{
    const JsonFile::Reader reader(sourceName);
    // Format and version first: a newer file may hold keys this version does not know, and the
    // version is the message that helps then. Both may be missing in a hand-written grade.
    reader.checkFormat(json, jsonPath, kFormatTag, kFormatVersion, false);
    reader.checkKeys(json, jsonPath,
                     {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("exposure"),
                      QStringLiteral("temperature"), QStringLiteral("tint"), QStringLiteral("lift"),
                      QStringLiteral("gamma"), QStringLiteral("gain"), QStringLiteral("offset"),
                      QStringLiteral("contrast"), QStringLiteral("pivot"), QStringLiteral("saturation"),
                      QStringLiteral("curves"), QStringLiteral("look")});

    Grade grade;
    reader.read(json, jsonPath, QStringLiteral("exposure"), grade.exposure, kExposure);
    reader.read(json, jsonPath, QStringLiteral("temperature"), grade.temperature, kWhiteBalance);
    reader.read(json, jsonPath, QStringLiteral("tint"), grade.tint, kWhiteBalance);
    readWheel(reader, json, jsonPath, QStringLiteral("lift"), kAdditiveWheel, grade.lift);
    readWheel(reader, json, jsonPath, QStringLiteral("gamma"), kMultiplicativeWheel, grade.gamma);
    readWheel(reader, json, jsonPath, QStringLiteral("gain"), kMultiplicativeWheel, grade.gain);
    readWheel(reader, json, jsonPath, QStringLiteral("offset"), kAdditiveWheel, grade.offset);
    reader.read(json, jsonPath, QStringLiteral("contrast"), grade.contrast, kContrast);
    reader.read(json, jsonPath, QStringLiteral("pivot"), grade.pivot, kPivot);
    reader.read(json, jsonPath, QStringLiteral("saturation"), grade.saturation, kSaturation);
    readCurves(reader, json, jsonPath, grade.curves);
    readLook(reader, json, jsonPath, baseDir, grade.look);
    return grade;
}

QByteArray serialize(const Grade& grade, const QString& baseDir)
{
    // Qt writes doubles in their shortest exact form, so a parse gives back the same bits.
    return QJsonDocument(toJson(grade, baseDir)).toJson(QJsonDocument::Indented);
}

Grade parse(const QByteArray& text, const QString& sourceName, const QString& baseDir)
{
    return fromJson(JsonFile::parseObject(text, sourceName), sourceName, baseDir);
}

Grade read(const QString& path)
{
    return parse(JsonFile::readAll(path), path, QFileInfo(path).absolutePath());
}

void write(const QString& path, const Grade& grade)
{
    JsonFile::writeAtomically(path, serialize(grade, QFileInfo(path).absolutePath()));
}

} // namespace cg::GradeJson
