#include "CubeFile.h"
#include "Error.h"
#include "GradeJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

using namespace cg;

namespace {

/// A small look that is not the identity, so reading it back proves the content came along.
CubeLut makeLook()
{
    CubeLut cube;
    cube.title = QStringLiteral("test look");
    Lut3D lut = Lut3D::identity(5);
    for (int b = 0; b < 5; ++b)
        for (int g = 0; g < 5; ++g)
            for (int r = 0; r < 5; ++r) {
                const Rgb in = lut.at(r, g, b);
                lut.set(r, g, b, {in.r * 0.9 + 0.05, std::sqrt(in.g), in.b * in.b});
            }
    cube.lut3d = lut;
    return cube;
}

/// Every control away from its default, with values that need all 17 significant digits.
Grade makeFullGrade(const QString& lookPath)
{
    Grade grade;
    grade.exposure = 1.0 / 3.0;
    grade.temperature = -12.345678901234567;
    grade.tint = 0.1 + 0.2;
    grade.lift = {-0.01, {0.002, -0.003, 1e-9}};
    grade.gamma = {1.1, {0.95, 1.0 / 7.0, 1.05}};
    grade.gain = {std::nextafter(1.0, 2.0), {1.2, 0.8, 15.999}};
    grade.offset = {0.0125, {-0.5, 0.25, std::nextafter(0.0, 1.0)}};
    grade.contrast = 1.2345;
    grade.pivot = 0.18;
    grade.saturation = 0.7;
    grade.curves.master = {{0.0, 0.02}, {0.25, 0.2}, {0.75, 0.8}, {1.0, 0.98}};
    grade.curves.red = {{0.0, 0.0}, {0.5, 0.55}, {1.0, 1.0}};
    grade.curves.green = {{0.1, 0.0}, {0.9, 1.0}};
    grade.curves.blue = {{0.0, 0.1}, {1.0 / 3.0, 0.3}, {2.0 / 3.0, 0.7}, {1.0, 0.9}};
    if (!lookPath.isEmpty())
        grade.look = {lookPath, CubeFile::read(lookPath)};
    return grade;
}

/// Runs `action`, which must throw InputError; returns its message (empty and a failed check if not).
QString inputErrorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const InputError& error) {
        return error.message();
    } catch (const std::exception& error) {
        return QStringLiteral("<not an InputError: %1>").arg(QString::fromUtf8(error.what()));
    }
    return QStringLiteral("<no error thrown>");
}

QJsonObject objectOf(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestGradeJson : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void gradeRoundTripKeepsEveryControlExactly();
    void fileRoundTripKeepsEveryControlExactly();
    void serializedGradeWritesEveryControl();
    void minimalFileKeepsDefaults();
    void emptyObjectIsTheDefaultGrade();
    void formatAndVersionAreAcceptedWhenPresent();
    void lookInsideBaseDirIsStoredRelative();
    void lookOutsideBaseDirStaysAbsolute();
    void relativeLookResolvesAgainstBaseDir();
    void nullOrEmptyLookMeansNoLook();
    void malformedGradeIsRefused_data();
    void malformedGradeIsRefused();
    void nonFiniteNumberInObjectIsRefused();
    void missingLookFileIsRefused();
    void corruptLookFileIsRefused();
    void errorsInsideAProjectNameTheFullPath();
    void readingMissingFileNamesIt();
    void writingToUnwritablePathThrowsAndLeavesNoFile();
    void writeReplacesExistingFile();

    void identityCurvesAreRecognised();
    void gradeIdentityIgnoresIdentityCurves();

private:
    QTemporaryDir m_dir;
    QString m_lookPath;
};

void TestGradeJson::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("luts")));
    m_lookPath = m_dir.filePath(QStringLiteral("luts/film.cube"));
    CubeFile::write(m_lookPath, makeLook());
    QVERIFY(QFileInfo::exists(m_lookPath));
}

void TestGradeJson::gradeRoundTripKeepsEveryControlExactly()
{
    const Grade grade = makeFullGrade(m_lookPath);
    QVERIFY(!grade.look.isEmpty());
    const QByteArray text = GradeJson::serialize(grade, m_dir.path());
    const Grade back = GradeJson::parse(text, QStringLiteral("grade.json"), m_dir.path());
    QCOMPARE(back.exposure, grade.exposure);
    QCOMPARE(back.gain.master, grade.gain.master);
    QCOMPARE(back.offset.rgb.b, grade.offset.rgb.b);
    QCOMPARE(back.curves, grade.curves);
    QCOMPARE(back.look.path, grade.look.path);
    QVERIFY(back.look.lut == grade.look.lut);
    QVERIFY(back == grade);
    // Serialising again gives the same bytes: nothing drifts on repeated saves.
    QCOMPARE(GradeJson::serialize(back, m_dir.path()), text);
}

void TestGradeJson::fileRoundTripKeepsEveryControlExactly()
{
    const Grade grade = makeFullGrade(m_lookPath);
    const QString path = m_dir.filePath(QStringLiteral("shot010.json"));
    GradeJson::write(path, grade);
    QVERIFY(GradeJson::read(path) == grade);

    Grade noLook = grade;
    noLook.look = {};
    GradeJson::write(path, noLook);
    QVERIFY(GradeJson::read(path) == noLook);
}

void TestGradeJson::serializedGradeWritesEveryControl()
{
    const QJsonObject json = objectOf(GradeJson::serialize(Grade{}, m_dir.path()));
    QCOMPARE(json.value(QLatin1String("format")).toString(), QStringLiteral("cinegrade-grade"));
    QCOMPARE(json.value(QLatin1String("version")).toInt(), GradeJson::kFormatVersion);
    for (const char* key : {"exposure", "temperature", "tint", "lift", "gamma", "gain", "offset", "contrast",
                            "pivot", "saturation", "curves", "look"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    const QJsonObject gamma = json.value(QLatin1String("gamma")).toObject();
    QCOMPARE(gamma.keys(), (QStringList{"b", "g", "master", "r"}));
    QCOMPARE(gamma.value(QLatin1String("r")).toDouble(), 1.0);
    QCOMPARE(json.value(QLatin1String("pivot")).toDouble(), 0.435);
    const QJsonObject curves = json.value(QLatin1String("curves")).toObject();
    QCOMPARE(curves.keys(), (QStringList{"blue", "green", "master", "red"}));

    const Grade full = makeFullGrade({});
    const QJsonObject fullJson = GradeJson::toJson(full, {});
    const QJsonArray master =
        fullJson.value(QLatin1String("curves")).toObject().value(QLatin1String("master")).toArray();
    QCOMPARE(master.size(), qsizetype(full.curves.master.size()));
    QCOMPARE(master.at(1).toArray().at(0).toDouble(), 0.25);
    QCOMPARE(master.at(1).toArray().at(1).toDouble(), 0.2);
}

void TestGradeJson::minimalFileKeepsDefaults()
{
    const Grade grade = GradeJson::parse(R"({"exposure": 1})", QStringLiteral("grade.json"), m_dir.path());
    Grade expected;
    expected.exposure = 1.0;
    QVERIFY(grade == expected);

    const Grade partialWheel =
        GradeJson::parse(R"({"gain": {"r": 1.5}, "curves": {"red": [[0, 0.1], [1, 1]]}})", "grade.json", {});
    QCOMPARE(partialWheel.gain.master, 1.0);
    QCOMPARE(partialWheel.gain.rgb, (Rgb{1.5, 1.0, 1.0}));
    QCOMPARE(partialWheel.curves.red, (std::vector<CurvePoint>{{0.0, 0.1}, {1.0, 1.0}}));
    QVERIFY(partialWheel.curves.master.empty());
    QCOMPARE(partialWheel.pivot, 0.435);
}

void TestGradeJson::emptyObjectIsTheDefaultGrade()
{
    QVERIFY(GradeJson::parse("{}", QStringLiteral("grade.json"), {}) == Grade{});
    QVERIFY(GradeJson::parse("\xEF\xBB\xBF{ }\n", QStringLiteral("bom.json"), {}) == Grade{});
}

void TestGradeJson::formatAndVersionAreAcceptedWhenPresent()
{
    const Grade grade = GradeJson::parse(R"({"format": "cinegrade-grade", "version": 1, "saturation": 0.5})",
                                         "grade.json", {});
    QCOMPARE(grade.saturation, 0.5);
}

void TestGradeJson::lookInsideBaseDirIsStoredRelative()
{
    Grade grade;
    grade.look = {m_lookPath, CubeFile::read(m_lookPath)};
    const QJsonObject json = GradeJson::toJson(grade, m_dir.path());
    QCOMPARE(json.value(QLatin1String("look")).toString(), QStringLiteral("luts/film.cube"));
    // A base dir given with a trailing slash or unclean segments is the same folder.
    const QJsonObject json2 = GradeJson::toJson(grade, m_dir.path() + QStringLiteral("/luts/../"));
    QCOMPARE(json2.value(QLatin1String("look")).toString(), QStringLiteral("luts/film.cube"));
}

void TestGradeJson::lookOutsideBaseDirStaysAbsolute()
{
    Grade grade;
    grade.look = {m_lookPath, CubeFile::read(m_lookPath)};
    const QString sibling = m_dir.filePath(QStringLiteral("grades"));
    QVERIFY(QDir().mkpath(sibling));
    const QJsonObject json = GradeJson::toJson(grade, sibling);
    QCOMPARE(json.value(QLatin1String("look")).toString(), m_lookPath);
    // A folder whose name merely starts like the base dir is not inside it.
    const QJsonObject json2 = GradeJson::toJson(grade, m_dir.filePath(QStringLiteral("lu")));
    QCOMPARE(json2.value(QLatin1String("look")).toString(), m_lookPath);
    const Grade back = GradeJson::fromJson(json, QStringLiteral("grade.json"), sibling);
    QVERIFY(back == grade);
}

void TestGradeJson::relativeLookResolvesAgainstBaseDir()
{
    const QString gradesDir = m_dir.filePath(QStringLiteral("grades"));
    QVERIFY(QDir().mkpath(gradesDir));
    const Grade grade = GradeJson::parse(R"({"look": "../luts/./film.cube"})", "grade.json", gradesDir);
    QCOMPARE(grade.look.path, m_lookPath);
    QVERIFY(QFileInfo(grade.look.path).isAbsolute());
    QVERIFY(grade.look.lut == CubeFile::read(m_lookPath));

    // A grade file written next to its look refers to it by name and is read back from anywhere.
    QFile file(m_dir.filePath(QStringLiteral("luts/grade.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"look": "film.cube", "exposure": -0.5})");
    file.close();
    const Grade read = GradeJson::read(file.fileName());
    QCOMPARE(read.look.path, m_lookPath);
    QCOMPARE(read.exposure, -0.5);
}

void TestGradeJson::nullOrEmptyLookMeansNoLook()
{
    QVERIFY(GradeJson::parse(R"({"look": null})", "grade.json", {}).look == LookLut{});
    QVERIFY(GradeJson::parse(R"({"look": ""})", "grade.json", {}).look == LookLut{});
    QVERIFY(GradeJson::toJson(Grade{}, m_dir.path()).value(QLatin1String("look")).isNull());
}

void TestGradeJson::malformedGradeIsRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty file") << QByteArray() << "empty";
    QTest::newRow("only whitespace") << QByteArray(" \n\t\n") << "empty";
    QTest::newRow("binary junk") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << "binary data";
    QTest::newRow("binary junk without NUL") << QByteArray("\xff\xfe\x81\x92\xc3") << "invalid JSON";
    QTest::newRow("invalid JSON") << QByteArray(R"({"exposure": 1,,})") << "line 1 column";
    QTest::newRow("missing comma on line 3")
        << QByteArray("{\n  \"exposure\": 1\n  \"tint\": 2\n}") << "line 3 column";
    QTest::newRow("truncated") << QByteArray(R"({"exposure": 1, "lift": {"r": 0.1)") << "invalid JSON";
    QTest::newRow("top level array") << QByteArray("[1, 2, 3]") << "expected a JSON object at the top level";
    QTest::newRow("top level number") << QByteArray("42") << "invalid JSON";
    QTest::newRow("exposure is a string")
        << QByteArray(R"({"exposure": "1.0"})") << R"("exposure" must be a number, not a string)";
    QTest::newRow("lift.r is a string")
        << QByteArray(R"({"lift": {"r": "up"}})") << R"("lift.r" must be a number)";
    QTest::newRow("lift is a number") << QByteArray(R"({"lift": 0.1})") << R"("lift" must be an object)";
    QTest::newRow("saturation is true")
        << QByteArray(R"({"saturation": true})") << R"("saturation" must be a number, not true)";
    QTest::newRow("contrast is null")
        << QByteArray(R"({"contrast": null})") << R"("contrast" must be a number, not null)";
    QTest::newRow("NaN literal") << QByteArray(R"({"exposure": NaN})") << "invalid JSON";
    QTest::newRow("NaN as string") << QByteArray(R"({"exposure": "NaN"})")
                                   << R"("exposure" must be a number)";
    QTest::newRow("Infinity literal") << QByteArray(R"({"exposure": Infinity})") << "invalid JSON";
    QTest::newRow("overflowing number") << QByteArray(R"({"exposure": 1e999})") << "illegal number";
    QTest::newRow("exposure too high")
        << QByteArray(R"({"exposure": 12})") << R"("exposure" must be between -10 and 10, not 12)";
    QTest::newRow("temperature too low")
        << QByteArray(R"({"temperature": -150})") << R"("temperature" must be between -100 and 100)";
    QTest::newRow("tint too high") << QByteArray(R"({"tint": 100.5})") << R"("tint" must be between)";
    QTest::newRow("gamma zero") << QByteArray(R"({"gamma": {"g": 0}})")
                                << R"("gamma.g" must be greater than 0 and at most 16, not 0)";
    QTest::newRow("gain negative") << QByteArray(R"({"gain": {"master": -1}})")
                                   << R"("gain.master" must be greater than 0)";
    QTest::newRow("gain too high") << QByteArray(R"({"gain": {"b": 17}})")
                                   << R"("gain.b" must be greater than 0 and at most 16)";
    QTest::newRow("offset too far") << QByteArray(R"({"offset": {"master": 5}})")
                                    << R"("offset.master" must be between)";
    QTest::newRow("contrast negative")
        << QByteArray(R"({"contrast": -1})") << R"("contrast" must be between 0 and 10)";
    QTest::newRow("pivot above 1") << QByteArray(R"({"pivot": 1.5})") << R"("pivot" must be between 0 and 1)";
    QTest::newRow("saturation too high")
        << QByteArray(R"({"saturation": 11})") << R"("saturation" must be between 0 and 10)";
    QTest::newRow("unknown key (typo)")
        << QByteArray(R"({"exposre": 1})") << R"(unknown key "exposre" (did you mean "exposure"?))";
    QTest::newRow("unknown key in wheel") << QByteArray(R"({"lift": {"red": 0.1}})")
                                          << R"(unknown key "lift.red" (known keys here: master, r, g, b))";
    QTest::newRow("unknown key far from any")
        << QByteArray(R"({"foo": 1})") << R"(unknown key "foo" (known keys here: format, version, exposure,)";
    QTest::newRow("wrong format tag") << QByteArray(R"({"format": "cinegrade-project", "version": 1})")
                                      << R"("format" is "cinegrade-project", expected "cinegrade-grade")";
    QTest::newRow("format not a string") << QByteArray(R"({"format": 1})") << R"("format" must be a string)";
    QTest::newRow("future version") << QByteArray(
                                           R"({"format": "cinegrade-grade", "version": 2, "newControl": 1})")
                                    << "was written by a newer Cinegrade (version 2); this one reads up to 1";
    QTest::newRow("version zero") << QByteArray(R"({"version": 0})") << R"("version" must be a whole number)";
    QTest::newRow("version fraction")
        << QByteArray(R"({"version": 1.5})") << R"("version" must be a whole number)";
    QTest::newRow("version string") << QByteArray(R"({"version": "1"})") << R"("version" must be a number)";
    QTest::newRow("curves not object")
        << QByteArray(R"({"curves": [[0, 0], [1, 1]]})") << R"("curves" must be an object)";
    QTest::newRow("curve channel typo") << QByteArray(R"({"curves": {"gren": []}})")
                                        << R"(unknown key "curves.gren" (did you mean "green"?))";
    QTest::newRow("curve not array") << QByteArray(R"({"curves": {"master": 1}})")
                                     << R"("curves.master" must be an array)";
    QTest::newRow("curve point out of range") << QByteArray(R"({"curves": {"master": [[0, 0], [1.5, 0.5]]}})")
                                              << R"("curves.master[1][0]" must be between 0 and 1, not 1.5)";
    QTest::newRow("curve y negative") << QByteArray(R"({"curves": {"blue": [[0, -0.1]]}})")
                                      << R"("curves.blue[0][1]" must be between 0 and 1)";
    QTest::newRow("curve x decreasing")
        << QByteArray(R"({"curves": {"red": [[0, 0], [0.6, 0.5], [0.4, 0.6], [1, 1]]}})")
        << R"("curves.red[2]" has x = 0.4, but x must increase)";
    QTest::newRow("curve x repeated")
        << QByteArray(R"({"curves": {"red": [[0.5, 0], [0.5, 1]]}})") << R"("curves.red[1]" has x = 0.5)";
    QTest::newRow("curve point of three") << QByteArray(R"({"curves": {"green": [[0, 0, 0]]}})")
                                          << R"("curves.green[0]" must be a point [x, y], not 3 numbers)";
    QTest::newRow("curve point not array") << QByteArray(R"({"curves": {"green": [{"x": 0, "y": 0}]}})")
                                           << R"("curves.green[0]" must be an array)";
    QTest::newRow("curve point coordinate string")
        << QByteArray(R"({"curves": {"green": [["0", 0]]}})") << R"("curves.green[0][0]" must be a number)";
    QByteArray tooMany = R"({"curves": {"master": [)";
    for (int i = 0; i < 65; ++i)
        tooMany += (i ? "," : "") + QByteArray("[") + QByteArray::number(i / 64.0, 'g', 17) + ",0.5]";
    tooMany += "]}}";
    QTest::newRow("curve with 65 points")
        << tooMany << R"("curves.master" has 65 points; a curve has at most 64)";
    QTest::newRow("look not a string") << QByteArray(R"({"look": 3})") << R"("look" must be a string)";
    QTest::newRow("missing look file")
        << QByteArray(R"({"look": "missing.cube"})") << R"("look" names a look LUT that does not exist)";
}

void TestGradeJson::malformedGradeIsRefused()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const QString message =
        inputErrorOf([&] { GradeJson::parse(text, QStringLiteral("shot.grade.json"), m_dir.path()); });
    QVERIFY2(message.startsWith(QStringLiteral("shot.grade.json")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
}

void TestGradeJson::nonFiniteNumberInObjectIsRefused()
{
    // JSON text cannot hold NaN, but an object built in memory (from a script, a plugin) can.
    QJsonObject json{{QStringLiteral("exposure"), std::numeric_limits<double>::quiet_NaN()}};
    QString message = inputErrorOf([&] { GradeJson::fromJson(json, QStringLiteral("memory"), {}); });
    QVERIFY2(message.contains(QStringLiteral("\"exposure\"")), qPrintable(message));

    json = {{QStringLiteral("gain"),
             QJsonObject{{QStringLiteral("g"), std::numeric_limits<double>::infinity()}}}};
    message = inputErrorOf([&] { GradeJson::fromJson(json, QStringLiteral("memory"), {}); });
    QVERIFY2(message.contains(QStringLiteral("\"gain.g\"")), qPrintable(message));
}

void TestGradeJson::missingLookFileIsRefused()
{
    const QString message = inputErrorOf([&] {
        GradeJson::parse(R"({"look": "luts/gone.cube"})", QStringLiteral("grade.json"), m_dir.path());
    });
    QVERIFY2(message.contains(QStringLiteral("\"look\"")), qPrintable(message));
    QVERIFY2(message.contains(m_dir.filePath(QStringLiteral("luts/gone.cube"))), qPrintable(message));
}

void TestGradeJson::corruptLookFileIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("luts/broken.cube"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("LUT_3D_SIZE 2\n0 0 0\n1 0\n");
    file.close();
    const QString message = inputErrorOf([&] {
        GradeJson::parse(R"({"look": "luts/broken.cube"})", QStringLiteral("grade.json"), m_dir.path());
    });
    QVERIFY2(message.startsWith(QStringLiteral("grade.json: \"look\" cannot be loaded")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("broken.cube")), qPrintable(message));
}

void TestGradeJson::errorsInsideAProjectNameTheFullPath()
{
    const QJsonObject json = objectOf(R"({"lift": {"r": "x"}})");
    const QString message = inputErrorOf([&] {
        GradeJson::fromJson(json, QStringLiteral("show.cgproj"), {}, QStringLiteral("clips[3].grade"));
    });
    QCOMPARE(message,
             QStringLiteral(R"(show.cgproj: "clips[3].grade.lift.r" must be a number, not a string)"));
}

void TestGradeJson::readingMissingFileNamesIt()
{
    const QString path = m_dir.filePath(QStringLiteral("nothing-here.json"));
    const QString message = inputErrorOf([&] { GradeJson::read(path); });
    QVERIFY2(message.startsWith(path), qPrintable(message));
    const QString folder = inputErrorOf([&] { GradeJson::read(m_dir.path()); });
    QVERIFY2(folder.contains(QStringLiteral("folder")), qPrintable(folder));
}

void TestGradeJson::writingToUnwritablePathThrowsAndLeavesNoFile()
{
    // A path below a regular file cannot be created, even by root (tests may run as root, where
    // permission bits do not stop writes).
    const QString blocker = m_dir.filePath(QStringLiteral("not-a-folder"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = blocker + QStringLiteral("/grade.json");
    const QString message = inputErrorOf([&] { GradeJson::write(path, makeFullGrade(m_lookPath)); });
    QVERIFY2(message.startsWith(path), qPrintable(message));
    QVERIFY(!QFileInfo::exists(path));

    const QString missingFolder = m_dir.filePath(QStringLiteral("no/such/folder/grade.json"));
    QVERIFY(inputErrorOf([&] { GradeJson::write(missingFolder, Grade{}); }).startsWith(missingFolder));
    QVERIFY(!QFileInfo::exists(missingFolder));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no"))));
}

void TestGradeJson::writeReplacesExistingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("replace.json"));
    GradeJson::write(path, makeFullGrade(m_lookPath));
    Grade small;
    small.tint = 3.0;
    GradeJson::write(path, small);
    QVERIFY(GradeJson::read(path) == small);
    // Only the file itself: no temporary files stay behind.
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("replace*")}, QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("replace.json")});
}

void TestGradeJson::identityCurvesAreRecognised()
{
    Curves curves;
    QVERIFY(curves.isIdentity());
    curves.master = {{0.0, 0.0}, {1.0, 1.0}};
    curves.blue = {{0.0, 0.0}, {1.0, 1.0}};
    QVERIFY(curves.isIdentity());
    curves.red = {{0.0, 0.0}, {0.5, 0.5}, {1.0, 1.0}};
    QVERIFY(!curves.isIdentity()); // only the two end points count as the identity spelling
    curves.red.clear();
    curves.green = {{0.0, 0.1}, {1.0, 1.0}};
    QVERIFY(!curves.isIdentity());
    curves.green = {{0.0, 0.0}};
    QVERIFY(!curves.isIdentity());
}

void TestGradeJson::gradeIdentityIgnoresIdentityCurves()
{
    Grade grade;
    QVERIFY(grade.isIdentity());
    grade.curves.master = {{0.0, 0.0}, {1.0, 1.0}};
    QVERIFY(grade.isIdentity());
    grade.curves.red = {{0.0, 0.0}, {0.5, 0.6}, {1.0, 1.0}};
    QVERIFY(!grade.isIdentity());

    for (const std::function<void(Grade&)>& change : std::vector<std::function<void(Grade&)>>{
             [](Grade& g) { g.exposure = 0.1; }, [](Grade& g) { g.temperature = 1.0; },
             [](Grade& g) { g.tint = -1.0; }, [](Grade& g) { g.lift.rgb.g = 0.01; },
             [](Grade& g) { g.gamma.master = 1.1; }, [](Grade& g) { g.gain.rgb.b = 0.9; },
             [](Grade& g) { g.offset.master = -0.01; }, [](Grade& g) { g.contrast = 1.1; },
             [](Grade& g) { g.pivot = 0.5; }, [](Grade& g) { g.saturation = 0.0; },
             [this](Grade& g) {
                 g.look = {m_lookPath, CubeFile::read(m_lookPath)};
             }}) {
        Grade changed;
        change(changed);
        QVERIFY(!changed.isIdentity());
    }
}

QTEST_GUILESS_MAIN(TestGradeJson)
#include "tst_grade_json.moc"
