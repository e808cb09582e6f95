#include "Project.h"

#include "GradeJson.h"
#include "JsonFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cg::ProjectFile {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cg::ProjectFile)
};

const QString kFormatTag = QStringLiteral("cinegrade-project");

/// Frame numbers stay exact as JSON doubles up to 2^53 (IEEE 754 binary64 has a 53-bit significand).
constexpr qint64 kMaxFrame = qint64(1) << 53;

QJsonObject colorToJson(const ColorPipelineOptions& color, const QString& projectDir)
{
    return {{QStringLiteral("config"), JsonFile::storedPath(color.configPath, projectDir)},
            {QStringLiteral("inputSpace"), color.inputSpace},
            {QStringLiteral("workingSpace"), color.workingSpace},
            {QStringLiteral("display"), color.display},
            {QStringLiteral("view"), color.view}};
}

QJsonObject clipToJson(const Clip& clip, const QString& projectDir)
{
    return {{QStringLiteral("media"), JsonFile::storedPath(clip.mediaPath, projectDir)},
            {QStringLiteral("name"), clip.name},
            {QStringLiteral("inputColorSpace"), clip.inputColorSpace},
            {QStringLiteral("in"), clip.inFrame},
            {QStringLiteral("out"), clip.outFrame},
            {QStringLiteral("grade"), GradeJson::toJson(clip.grade, projectDir)}};
}

ColorPipelineOptions readColor(const JsonFile::Reader& reader, const QJsonValue& value,
                               const QString& projectDir)
{
    const QString path = QStringLiteral("color");
    const QJsonObject object = reader.toObject(value, path);
    reader.checkKeys(object, path,
                     {QStringLiteral("config"), QStringLiteral("inputSpace"), QStringLiteral("workingSpace"),
                      QStringLiteral("display"), QStringLiteral("view")});
    ColorPipelineOptions color;
    QString config;
    reader.read(object, path, QStringLiteral("config"), config);
    // A missing config is reported by ColorPipeline when the project is opened, with OCIO's reason;
    // here it only becomes absolute again.
    color.configPath = JsonFile::resolvedPath(config, projectDir);
    reader.read(object, path, QStringLiteral("inputSpace"), color.inputSpace);
    reader.read(object, path, QStringLiteral("workingSpace"), color.workingSpace);
    reader.read(object, path, QStringLiteral("display"), color.display);
    reader.read(object, path, QStringLiteral("view"), color.view);
    return color;
}

Clip readClip(const JsonFile::Reader& reader, const QJsonValue& value, const QString& path,
              const QString& projectDir)
{
    const QJsonObject object = reader.toObject(value, path);
    reader.checkKeys(object, path,
                     {QStringLiteral("media"), QStringLiteral("name"), QStringLiteral("inputColorSpace"),
                      QStringLiteral("in"), QStringLiteral("out"), QStringLiteral("grade")});
    Clip clip;
    const QString mediaPath = JsonFile::joinPath(path, QStringLiteral("media"));
    if (!object.contains(QLatin1String("media")))
        reader.fail(mediaPath, Text::tr("is missing; every clip needs its media file"));
    const QString media = reader.toString(object.value(QLatin1String("media")), mediaPath);
    if (media.trimmed().isEmpty())
        reader.fail(mediaPath, Text::tr("must not be empty"));
    // Media may be offline (an unplugged drive): the project still opens and the clip shows as missing.
    clip.mediaPath = JsonFile::resolvedPath(media, projectDir);
    reader.read(object, path, QStringLiteral("name"), clip.name);
    reader.read(object, path, QStringLiteral("inputColorSpace"), clip.inputColorSpace);
    reader.read(object, path, QStringLiteral("in"), clip.inFrame, -1, kMaxFrame);
    reader.read(object, path, QStringLiteral("out"), clip.outFrame, -1, kMaxFrame);
    if (clip.inFrame >= 0 && clip.outFrame >= 0 && clip.inFrame > clip.outFrame)
        reader.fail(JsonFile::joinPath(path, QStringLiteral("out")),
                    Text::tr("(%1) is before \"in\" (%2)").arg(clip.outFrame).arg(clip.inFrame));
    const auto grade = object.constFind(QLatin1String("grade"));
    if (grade != object.constEnd()) {
        const QString gradePath = JsonFile::joinPath(path, QStringLiteral("grade"));
        clip.grade = GradeJson::fromJson(reader.toObject(*grade, gradePath), reader.sourceName(), projectDir,
                                         gradePath);
    }
    return clip;
}

} // namespace

QByteArray serialize(const Project& project, const QString& projectDir)
{
    QJsonArray clips;
    for (const Clip& clip : project.clips)
        clips.append(clipToJson(clip, projectDir));
    const QJsonObject root{{QStringLiteral("format"), kFormatTag},
                           {QStringLiteral("version"), Project::kFormatVersion},
                           {QStringLiteral("name"), project.name},
                           {QStringLiteral("color"), colorToJson(project.color, projectDir)},
                           {QStringLiteral("clips"), clips}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Project parse(const QByteArray& json, const QString& sourceName, const QString& projectDir)
{
    const QJsonObject root = JsonFile::parseObject(json, sourceName);
    const JsonFile::Reader reader(sourceName);
    // Unlike a grade, a project must say what it is: a grade or any other JSON opened as a project
    // would otherwise load as an empty project and be saved over.
    reader.checkFormat(root, {}, kFormatTag, Project::kFormatVersion, true);
    reader.checkKeys(root, {},
                     {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("name"),
                      QStringLiteral("color"), QStringLiteral("clips")});
    Project project;
    reader.read(root, {}, QStringLiteral("name"), project.name);
    const auto color = root.constFind(QLatin1String("color"));
    if (color != root.constEnd())
        project.color = readColor(reader, *color, projectDir);
    const auto clips = root.constFind(QLatin1String("clips"));
    if (clips != root.constEnd()) {
        const QJsonArray array = reader.toArray(*clips, QStringLiteral("clips"));
        project.clips.reserve(size_t(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i)
            project.clips.push_back(
                readClip(reader, array.at(i), JsonFile::indexPath(QStringLiteral("clips"), i), projectDir));
    }
    return project;
}

Project read(const QString& path)
{
    return parse(JsonFile::readAll(path), path, QFileInfo(path).absolutePath());
}

void write(const QString& path, const Project& project)
{
    JsonFile::writeAtomically(path, serialize(project, QFileInfo(path).absolutePath()));
}

} // namespace cg::ProjectFile
