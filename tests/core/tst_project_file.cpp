#include "CubeFile.h"
#include "Error.h"
#include "Project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace cg;

namespace {

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

void writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
}

CubeLut makeLook()
{
    CubeLut cube;
    Lut3D lut = Lut3D::identity(3);
    lut.set(1, 1, 1, {0.4, 0.55, 0.6});
    cube.lut3d = lut;
    return cube;
}

/// A project folder: footage/, luts/look.cube and config/config.ocio inside `root`.
void makeProjectFolder(const QString& root)
{
    QVERIFY(QDir(root).mkpath(QStringLiteral("footage")));
    QVERIFY(QDir(root).mkpath(QStringLiteral("luts")));
    QVERIFY(QDir(root).mkpath(QStringLiteral("config")));
    CubeFile::write(root + QStringLiteral("/luts/look.cube"), makeLook());
}

Project makeProject(const QString& root)
{
    Project project;
    project.name = QStringLiteral("Wedding — reel 2");
    project.color.configPath = root + QStringLiteral("/config/config.ocio");
    project.color.inputSpace = QStringLiteral("Rec.709");
    project.color.workingSpace = QStringLiteral("ACEScct");
    project.color.display = QStringLiteral("sRGB");
    project.color.view = QStringLiteral("Film");

    Clip first;
    first.mediaPath = root + QStringLiteral("/footage/A001_C002.mov");
    first.name = QStringLiteral("Vows");
    first.inputColorSpace = QStringLiteral("ARRI LogC3 (AWG)");
    first.inFrame = 24;
    first.outFrame = (qint64(1) << 40) + 1;
    first.grade.exposure = 0.1 + 0.2;
    first.grade.temperature = 7.25;
    first.grade.lift.rgb = {0.01, -0.02, 1.0 / 3.0 - 0.3};
    first.grade.gamma = {1.05, {1.0, 0.97, 1.0}};
    first.grade.gain.master = 1.0 / 0.9;
    first.grade.contrast = 1.15;
    first.grade.pivot = 0.4;
    first.grade.saturation = 1.3;
    first.grade.curves.master = {{0.0, 0.05}, {0.5, 0.52}, {1.0, 0.95}};
    first.grade.curves.green = {{0.0, 0.0}, {1.0, 0.9}};
    const QString lookPath = root + QStringLiteral("/luts/look.cube");
    first.grade.look = {lookPath, CubeFile::read(lookPath)};

    Clip second;
    second.mediaPath = QStringLiteral("/mnt/archive/B007_C001.mxf"); // outside the project folder
    second.grade.tint = -3.5;
    second.grade.offset.master = 0.02;

    project.clips = {first, second};
    return project;
}

} // namespace

class TestProjectFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void projectRoundTripKeepsEverything();
    void fileRoundTripKeepsEverything();
    void emptyProjectRoundTrips();
    void pathsInsideProjectFolderAreStoredRelative();
    void relativePathsResolveAgainstProjectFolder();
    void movedProjectFolderStillFindsItsFiles();
    void minimalProjectKeepsDefaults();
    void serializedProjectIsIndentedUtf8Json();
    void malformedProjectIsRefused_data();
    void malformedProjectIsRefused();
    void readingMissingFileNamesIt();
    void writingToUnwritablePathThrowsAndLeavesNoFile();
    void failedWriteKeepsThePreviousFile();

private:
    QTemporaryDir m_dir;
    QString m_root;
};

void TestProjectFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath(QStringLiteral("show"));
    makeProjectFolder(m_root);
}

void TestProjectFile::projectRoundTripKeepsEverything()
{
    const Project project = makeProject(m_root);
    const QByteArray json = ProjectFile::serialize(project, m_root);
    const Project back = ProjectFile::parse(json, QStringLiteral("show.cgproj"), m_root);
    QCOMPARE(back.name, project.name);
    QVERIFY(back.color == project.color);
    QCOMPARE(back.clips.size(), project.clips.size());
    QCOMPARE(back.clips[0].mediaPath, project.clips[0].mediaPath);
    QCOMPARE(back.clips[0].outFrame, project.clips[0].outFrame);
    QVERIFY(back.clips[0].grade == project.clips[0].grade);
    QVERIFY(back.clips[1] == project.clips[1]);
    QVERIFY(back == project);
    QCOMPARE(ProjectFile::serialize(back, m_root), json);
}

void TestProjectFile::fileRoundTripKeepsEverything()
{
    const Project project = makeProject(m_root);
    const QString path = m_root + QStringLiteral("/show.cgproj");
    ProjectFile::write(path, project);
    QVERIFY(ProjectFile::read(path) == project);
}

void TestProjectFile::emptyProjectRoundTrips()
{
    const QString path = m_root + QStringLiteral("/empty.cgproj");
    ProjectFile::write(path, Project{});
    QVERIFY(ProjectFile::read(path) == Project{});
}

void TestProjectFile::pathsInsideProjectFolderAreStoredRelative()
{
    const QJsonObject json =
        QJsonDocument::fromJson(ProjectFile::serialize(makeProject(m_root), m_root)).object();
    QCOMPARE(json.value(QLatin1String("format")).toString(), QStringLiteral("cinegrade-project"));
    QCOMPARE(json.value(QLatin1String("version")).toInt(), Project::kFormatVersion);
    QCOMPARE(json.value(QLatin1String("color")).toObject().value(QLatin1String("config")).toString(),
             QStringLiteral("config/config.ocio"));
    const QJsonArray clips = json.value(QLatin1String("clips")).toArray();
    QCOMPARE(clips.size(), qsizetype(2));
    const QJsonObject first = clips.at(0).toObject();
    QCOMPARE(first.value(QLatin1String("media")).toString(), QStringLiteral("footage/A001_C002.mov"));
    QCOMPARE(first.value(QLatin1String("grade")).toObject().value(QLatin1String("look")).toString(),
             QStringLiteral("luts/look.cube"));
    QCOMPARE(first.value(QLatin1String("in")).toInteger(), qint64(24));
    QCOMPARE(clips.at(1).toObject().value(QLatin1String("media")).toString(),
             QStringLiteral("/mnt/archive/B007_C001.mxf"));
}

void TestProjectFile::relativePathsResolveAgainstProjectFolder()
{
    const QByteArray json = R"({"format": "cinegrade-project", "version": 1,
        "color": {"config": "config/../config/config.ocio"},
        "clips": [{"media": "footage/a.mov", "grade": {"look": "luts/look.cube"}},
                  {"media": "../elsewhere/b.mov"},
                  {"media": "/abs/c.mov"}]})";
    const Project project = ProjectFile::parse(json, QStringLiteral("show.cgproj"), m_root);
    QCOMPARE(project.color.configPath, m_root + QStringLiteral("/config/config.ocio"));
    QCOMPARE(project.clips.size(), size_t(3));
    QCOMPARE(project.clips[0].mediaPath, m_root + QStringLiteral("/footage/a.mov"));
    QCOMPARE(project.clips[0].grade.look.path, m_root + QStringLiteral("/luts/look.cube"));
    QVERIFY(project.clips[0].grade.look.lut == makeLook());
    QCOMPARE(project.clips[1].mediaPath, m_dir.filePath(QStringLiteral("elsewhere/b.mov")));
    QCOMPARE(project.clips[2].mediaPath, QStringLiteral("/abs/c.mov"));
}

void TestProjectFile::movedProjectFolderStillFindsItsFiles()
{
    const QString original = m_dir.filePath(QStringLiteral("before"));
    makeProjectFolder(original);
    ProjectFile::write(original + QStringLiteral("/p.cgproj"), makeProject(original));

    const QString moved = m_dir.filePath(QStringLiteral("after"));
    QVERIFY(QDir().rename(original, moved));
    const Project project = ProjectFile::read(moved + QStringLiteral("/p.cgproj"));
    QVERIFY(project == makeProject(moved));
    QCOMPARE(project.clips[0].mediaPath, moved + QStringLiteral("/footage/A001_C002.mov"));
}

void TestProjectFile::minimalProjectKeepsDefaults()
{
    const Project empty = ProjectFile::parse(R"({"format": "cinegrade-project", "version": 1})",
                                             QStringLiteral("p.cgproj"), m_root);
    QVERIFY(empty == Project{});

    const Project oneClip = ProjectFile::parse(
        R"({"format": "cinegrade-project", "version": 1, "clips": [{"media": "/x/clip.mov"}]})",
        QStringLiteral("p.cgproj"), m_root);
    QCOMPARE(oneClip.clips.size(), size_t(1));
    Clip expected;
    expected.mediaPath = QStringLiteral("/x/clip.mov");
    QVERIFY(oneClip.clips[0] == expected);
    QCOMPARE(oneClip.clips[0].inFrame, qint64(-1));
    QVERIFY(oneClip.clips[0].grade.isIdentity());
}

void TestProjectFile::serializedProjectIsIndentedUtf8Json()
{
    const QByteArray json = ProjectFile::serialize(makeProject(m_root), m_root);
    QVERIFY(json.contains("\n    \""));
    QVERIFY(json.contains(QStringLiteral("Wedding — reel 2").toUtf8()));
}

void TestProjectFile::malformedProjectIsRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    const QByteArray head = R"({"format": "cinegrade-project", "version": 1, )";
    QTest::newRow("empty file") << QByteArray() << "empty";
    QTest::newRow("binary junk") << QByteArray("\x1a\x45\xdf\xa3\x00\x00\x01\x00\xff", 9) << "binary data";
    QTest::newRow("binary junk without NUL") << QByteArray("\x80\x81\x82 garbage") << "invalid JSON";
    QTest::newRow("invalid JSON")
        << QByteArray("{\"format\": \"cinegrade-project\",\n\"version\": 1,\n\"clips\": [}")
        << "line 3 column";
    QTest::newRow("trailing garbage") << head + R"("name": "x"} trailing)"
                                      << "invalid JSON";
    QTest::newRow("top level array") << QByteArray("[]") << "expected a JSON object at the top level";
    QTest::newRow("missing format") << QByteArray(R"({"version": 1, "clips": []})")
                                    << R"("format" is missing (expected "cinegrade-project"))";
    QTest::newRow("missing version") << QByteArray(R"({"format": "cinegrade-project", "clips": []})")
                                     << R"("version" is missing)";
    QTest::newRow("grade file opened as project")
        << QByteArray(R"({"format": "cinegrade-grade", "version": 1})")
        << R"("format" is "cinegrade-grade", expected "cinegrade-project")";
    QTest::newRow("future version") << QByteArray(
                                           R"({"format": "cinegrade-project", "version": 3, "timeline": {}})")
                                    << "was written by a newer Cinegrade (version 3); this one reads up to 1";
    QTest::newRow("version as string") << QByteArray(R"({"format": "cinegrade-project", "version": "1"})")
                                       << R"("version" must be a number, not a string)";
    QTest::newRow("name is a number") << head + R"("name": 5})"
                                      << R"("name" must be a string, not the number 5)";
    QTest::newRow("unknown top-level key") << head + R"("clip": []})"
                                           << R"(unknown key "clip" (did you mean "clips"?))";
    QTest::newRow("color not object") << head + R"("color": "ACEScct"})"
                                      << R"("color" must be an object)";
    QTest::newRow("color field wrong type") << head + R"("color": {"workingSpace": 1}})"
                                            << R"("color.workingSpace" must be a string)";
    QTest::newRow("color key typo") << head + R"("color": {"dispaly": "sRGB"}})"
                                    << R"(unknown key "color.dispaly" (did you mean "display"?))";
    QTest::newRow("clips not array") << head + R"("clips": {"media": "a.mov"}})"
                                     << R"("clips" must be an array)";
    QTest::newRow("clip not object") << head + R"("clips": ["a.mov"]})"
                                     << R"("clips[0]" must be an object)";
    QTest::newRow("media missing") << head + R"("clips": [{"media": "a.mov"}, {"name": "b"}]})"
                                   << R"("clips[1].media" is missing)";
    QTest::newRow("media empty") << head + R"("clips": [{"media": ""}]})"
                                 << R"("clips[0].media" must not be empty)";
    QTest::newRow("media wrong type") << head + R"("clips": [{"media": ["a.mov"]}]})"
                                      << R"("clips[0].media" must be a string, not an array)";
    QTest::newRow("in below -1") << head + R"("clips": [{"media": "a.mov", "in": -2}]})"
                                 << R"("clips[0].in" must be a whole number from -1 to)";
    QTest::newRow("in not whole")
        << head + R"("clips": [{"media": "a.mov", "in": 1.5}]})"
        << R"("clips[0].in" must be a whole number from -1 to 9007199254740992, not 1.5)";
    QTest::newRow("out as string") << head + R"("clips": [{"media": "a.mov", "out": "100"}]})"
                                   << R"("clips[0].out" must be a number)";
    QTest::newRow("out before in") << head + R"("clips": [{"media": "a.mov", "in": 50, "out": 10}]})"
                                   << R"("clips[0].out" (10) is before "in" (50))";
    QTest::newRow("frame beyond 2^53")
        << head + R"("clips": [{"media": "a.mov", "out": 1e300}]})"
        << R"("clips[0].out" must be a whole number from -1 to 9007199254740992, not 1e+300)";
    QTest::newRow("clip key typo")
        << head + R"("clips": [{"media": "a.mov", "inputColourSpace": "x"}]})"
        << R"(unknown key "clips[0].inputColourSpace" (did you mean "inputColorSpace"?))";
    QTest::newRow("grade not object") << head + R"("clips": [{"media": "a.mov", "grade": []}]})"
                                      << R"("clips[0].grade" must be an object)";
    QTest::newRow("grade value wrong type")
        << head + R"("clips": [{"media": "a.mov", "grade": {"lift": {"r": "0"}}}]})"
        << R"("clips[0].grade.lift.r" must be a number, not a string)";
    QTest::newRow("grade value out of range")
        << head + R"("clips": [{"media": "a.mov"}, {"media": "b.mov", "grade": {"saturation": -1}}]})"
        << R"("clips[1].grade.saturation" must be between 0 and 10)";
    QTest::newRow("grade key typo") << head + R"("clips": [{"media": "a.mov", "grade": {"exposre": 1}}]})"
                                    << R"(unknown key "clips[0].grade.exposre" (did you mean "exposure"?))";
    QTest::newRow("grade from the future")
        << head + R"("clips": [{"media": "a.mov", "grade": {"format": "cinegrade-grade", "version": 2}}]})"
        << R"("clips[0].grade" was written by a newer Cinegrade (version 2))";
    QTest::newRow("bad curve point")
        << head + R"("clips": [{"media": "a.mov", "grade": {"curves": {"red": [[0.5, 0.5], [0.2, 1]]}}}]})"
        << R"("clips[0].grade.curves.red[1]" has x = 0.2, but x must increase)";
    QTest::newRow("missing look file")
        << head + R"("clips": [{"media": "a.mov", "grade": {"look": "luts/nope.cube"}}]})"
        << R"("clips[0].grade.look" names a look LUT that does not exist)";
}

void TestProjectFile::malformedProjectIsRefused()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const QString message =
        inputErrorOf([&] { ProjectFile::parse(text, QStringLiteral("show.cgproj"), m_root); });
    QVERIFY2(message.startsWith(QStringLiteral("show.cgproj")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
}

void TestProjectFile::readingMissingFileNamesIt()
{
    const QString path = m_dir.filePath(QStringLiteral("missing.cgproj"));
    const QString message = inputErrorOf([&] { ProjectFile::read(path); });
    QVERIFY2(message.startsWith(path), qPrintable(message));

    const QString junk = m_dir.filePath(QStringLiteral("junk.cgproj"));
    writeFile(junk, QByteArray("\0\1\2\3", 4));
    const QString junkMessage = inputErrorOf([&] { ProjectFile::read(junk); });
    QVERIFY2(junkMessage.startsWith(junk) && junkMessage.contains(QStringLiteral("binary")),
             qPrintable(junkMessage));
}

void TestProjectFile::writingToUnwritablePathThrowsAndLeavesNoFile()
{
    // Below a regular file nothing can be created, even as root (permission bits do not stop root).
    const QString blocker = m_dir.filePath(QStringLiteral("plain-file"));
    writeFile(blocker, "x");
    const QString path = blocker + QStringLiteral("/show.cgproj");
    const QString message = inputErrorOf([&] { ProjectFile::write(path, makeProject(m_root)); });
    QVERIFY2(message.startsWith(path) && message.contains(QStringLiteral("cannot write")),
             qPrintable(message));
    QVERIFY(!QFileInfo::exists(path));

    const QString missingFolder = m_dir.filePath(QStringLiteral("gone/show.cgproj"));
    QVERIFY(inputErrorOf([&] { ProjectFile::write(missingFolder, Project{}); }).startsWith(missingFolder));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("gone"))));
}

void TestProjectFile::failedWriteKeepsThePreviousFile()
{
    const QString path = m_root + QStringLiteral("/keep.cgproj");
    const Project project = makeProject(m_root);
    ProjectFile::write(path, project);
    // A folder where the project file should go cannot be replaced by a file: the write fails...
    const QString folderPath = m_root + QStringLiteral("/folder.cgproj");
    QVERIFY(QDir().mkpath(folderPath));
    QVERIFY(inputErrorOf([&] { ProjectFile::write(folderPath, project); }).startsWith(folderPath));
    QVERIFY(QFileInfo(folderPath).isDir());
    // ...and no temporary file is left next to it, while the other project is untouched.
    QCOMPARE(QDir(m_root)
                 .entryList({QStringLiteral("*.cgproj*")}, QDir::Files | QDir::Hidden)
                 .filter(QStringLiteral("folder")),
             QStringList{});
    QVERIFY(ProjectFile::read(path) == project);
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_project_file.moc"
