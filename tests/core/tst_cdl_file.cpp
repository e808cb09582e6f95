// Specification of ASC CDL files (.cdl, .cc, .ccc; ASC CDL v1.2) and of the CDL <-> grade mapping.

#include "CdlFile.h"
#include "Error.h"
#include "GradeProgram.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace cg;

namespace {

QString describe(const Cdl& c)
{
    auto rgb = [](Rgb v) {
        return QStringLiteral("(%1 %2 %3)").arg(v.r, 0, 'g', 17).arg(v.g, 0, 'g', 17).arg(v.b, 0, 'g', 17);
    };
    return QStringLiteral("id=%1 desc=%2 slope=%3 offset=%4 power=%5 sat=%6")
        .arg(c.id, c.description, rgb(c.slope), rgb(c.offset), rgb(c.power))
        .arg(c.saturation, 0, 'g', 17);
}

Cdl randomCdl(std::mt19937& rng)
{
    std::uniform_real_distribution<double> slope(0.6, 1.4), offset(-0.05, 0.05), power(0.7, 1.4),
        sat(0.6, 1.3);
    Cdl cdl;
    cdl.slope = {slope(rng), slope(rng), slope(rng)};
    cdl.offset = {offset(rng), offset(rng), offset(rng)};
    cdl.power = {power(rng), power(rng), power(rng)};
    cdl.saturation = sat(rng);
    return cdl;
}

QString parseError(const QByteArray& xml)
{
    try {
        CdlFile::parse(xml, QStringLiteral("bad.cdl"));
    } catch (const InputError& e) {
        return e.message();
    }
    return QString();
}

const QByteArray kGood = "<ColorCorrection id=\"a\"><SOPNode><Slope>1 1 1</Slope><Offset>0 0 0</Offset>"
                         "<Power>1 1 1</Power></SOPNode><SatNode><Saturation>1</Saturation></SatNode>"
                         "</ColorCorrection>";

QByteArray correction(const QByteArray& sop, const QByteArray& sat = "<Saturation>1</Saturation>")
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ColorCorrection id=\"x\">\n<SOPNode>\n" + sop +
           "\n</SOPNode>\n<SatNode>" + sat + "</SatNode>\n</ColorCorrection>\n";
}

} // namespace

class TestCdlFile : public QObject
{
    Q_OBJECT

private slots:
    void cdlRoundTripKeepsValues_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<int>("count");
        QTest::newRow(".cdl") << QStringLiteral("grade.cdl") << 2;
        QTest::newRow(".cc") << QStringLiteral("grade.cc") << 1;
        QTest::newRow(".ccc") << QStringLiteral("grade.ccc") << 3;
    }

    void cdlRoundTripKeepsValues()
    {
        QFETCH(QString, fileName);
        QFETCH(int, count);
        std::mt19937 rng(uint32_t(count) * 7919u);
        std::vector<Cdl> cdls;
        for (int i = 0; i < count; ++i) {
            Cdl cdl = randomCdl(rng);
            cdl.id = QStringLiteral("shot_%1 <&\"é>").arg(i);
            cdl.description = i == 0 ? QStringLiteral("first line\nsecond line & more") : QString();
            cdls.push_back(cdl);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(fileName);
        CdlFile::write(path, cdls);
        const std::vector<Cdl> back = CdlFile::read(path);
        QCOMPARE(back.size(), cdls.size());
        for (size_t i = 0; i < cdls.size(); ++i)
            QVERIFY2(back[i] == cdls[i],
                     qPrintable(describe(back[i]) + QStringLiteral(" != ") + describe(cdls[i])));
    }

    void serializeWritesTheFlavorsRootInVersion12Namespace_data()
    {
        QTest::addColumn<int>("flavor");
        QTest::addColumn<QString>("root");
        QTest::newRow("cdl") << int(CdlFile::Flavor::Cdl)
                             << QStringLiteral("<ColorDecisionList xmlns=\"urn:ASC:CDL:v1.2\">");
        QTest::newRow("cc") << int(CdlFile::Flavor::Cc)
                            << QStringLiteral("<ColorCorrection xmlns=\"urn:ASC:CDL:v1.2\"");
        QTest::newRow("ccc") << int(CdlFile::Flavor::Ccc)
                             << QStringLiteral("<ColorCorrectionCollection xmlns=\"urn:ASC:CDL:v1.2\">");
    }

    void serializeWritesTheFlavorsRootInVersion12Namespace()
    {
        QFETCH(int, flavor);
        QFETCH(QString, root);
        Cdl cdl;
        cdl.id = QStringLiteral("id1");
        const QString xml = QString::fromUtf8(CdlFile::serialize({cdl}, CdlFile::Flavor(flavor)));
        QVERIFY2(xml.startsWith(QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")),
                 qPrintable(xml));
        QVERIFY2(xml.contains(root), qPrintable(xml));
        QVERIFY2(xml.contains(QStringLiteral("<Slope>1 1 1</Slope>")), qPrintable(xml));
        QVERIFY2(xml.contains(QStringLiteral("<Saturation>1</Saturation>")), qPrintable(xml));
        QCOMPARE(xml.count(QStringLiteral("xmlns=")), 1);
    }

    void flavorFollowsTheExtension()
    {
        QCOMPARE(CdlFile::flavorForPath(QStringLiteral("/a/b.cc")), CdlFile::Flavor::Cc);
        QCOMPARE(CdlFile::flavorForPath(QStringLiteral("/a/b.CCC")), CdlFile::Flavor::Ccc);
        QCOMPARE(CdlFile::flavorForPath(QStringLiteral("/a/b.cdl")), CdlFile::Flavor::Cdl);
        QVERIFY_THROWS_EXCEPTION(InputError, CdlFile::serialize({Cdl{}, Cdl{}}, CdlFile::Flavor::Cc));
        QVERIFY_THROWS_EXCEPTION(InputError, CdlFile::serialize({}, CdlFile::Flavor::Ccc));
    }

    void parseAcceptsOtherNamespacesSpellingsAndMissingNodes()
    {
        const QByteArray xml =
            "<?xml version=\"1.0\"?>\r\n"
            "<ColorDecisionList xmlns=\"urn:ASC:CDL:v1.01\">\r\n"
            " <Description>list level, not kept</Description>\r\n"
            " <ColorDecision>\r\n"
            "  <MediaRef ref=\"clip.mov\"/>\r\n"
            "  <ColorCorrection id=\"one\">\r\n"
            "   <Description>kept</Description>\r\n"
            "   <SOPNode><Description>sop note</Description>"
            "<Slope> 1.5  0.5\t2 </Slope><Offset>+0.1 -0.2 0</Offset>"
            "<Power>2 1 0.5</Power></SOPNode>\r\n"
            "   <SATNode><Saturation>0.25</Saturation></SATNode>\r\n"
            "  </ColorCorrection>\r\n"
            " </ColorDecision>\r\n"
            " <ColorDecision><ColorCorrection id=\"sat-only\"><SatNode><Saturation>2"
            "</Saturation></SatNode></ColorCorrection></ColorDecision>\r\n"
            " <ColorDecision><asc:ColorCorrection xmlns:asc=\"urn:ASC:CDL:v1.2\" id=\"sop-only\">"
            "<asc:SOPNode><asc:Slope>2 2 2</asc:Slope></asc:SOPNode></asc:ColorCorrection>"
            "</ColorDecision>\r\n"
            "</ColorDecisionList>\r\n";
        const std::vector<Cdl> cdls = CdlFile::parse(xml, QStringLiteral("old.cdl"));
        QCOMPARE(cdls.size(), size_t(3));
        QCOMPARE(cdls[0].id, QStringLiteral("one"));
        QCOMPARE(cdls[0].description, QStringLiteral("kept\nsop note"));
        QCOMPARE(cdls[0].slope, (Rgb{1.5, 0.5, 2.0}));
        QCOMPARE(cdls[0].offset, (Rgb{0.1, -0.2, 0.0}));
        QCOMPARE(cdls[0].power, (Rgb{2.0, 1.0, 0.5}));
        QCOMPARE(cdls[0].saturation, 0.25);
        Cdl satOnly;
        satOnly.id = QStringLiteral("sat-only");
        satOnly.saturation = 2.0;
        QVERIFY(cdls[1] == satOnly);
        Cdl sopOnly;
        sopOnly.id = QStringLiteral("sop-only");
        sopOnly.slope = {2.0, 2.0, 2.0};
        QVERIFY(cdls[2] == sopOnly);

        // A .cc without namespace.
        const std::vector<Cdl> cc = CdlFile::parse(kGood, QStringLiteral("plain.cc"));
        QCOMPARE(cc.size(), size_t(1));
        QCOMPARE(cc[0].id, QStringLiteral("a"));
    }

    void cdlFormulaMatchesHandComputedValues()
    {
        Cdl cdl;
        cdl.slope = {1.2, 1.0, 0.8};
        cdl.offset = {0.05, 0.0, -0.02};
        cdl.power = {1.1, 1.0, 0.9};
        cdl.saturation = 1.2;
        // By hand: SOP = (0.65^1.1, 0.4, 0.22^0.9) = (0.622593657776, 0.4, 0.255964898441);
        // luma = 0.2126 R + 0.7152 G + 0.0722 B = 0.436924077311; out = luma + 1.2 (SOP - luma).
        const Rgb out = cdl.apply({0.5, 0.4, 0.3});
        QVERIFY(std::abs(out.r - 0.6597275738691036) < 1e-12);
        QVERIFY(std::abs(out.g - 0.39261518453786853) < 1e-12);
        QVERIFY(std::abs(out.b - 0.21977306266762295) < 1e-12);
    }

    void cdlFormulaClampsAfterSopAndAfterSaturation()
    {
        Cdl sop;
        sop.slope = {1.5, 1.0, 1.0};
        sop.offset = {0.0, -0.1, 0.0};
        sop.power = {2.0, 2.0, 2.0};
        // 0.9 * 1.5 = 1.35 clamps to 1 before the power; 0.05 - 0.1 clamps to 0 (no NaN from pow).
        QCOMPARE(sop.apply({0.9, 0.05, 0.5}), (Rgb{1.0, 0.0, 0.25}));

        Cdl sat;
        sat.saturation = 2.0;
        // Luma of pure red is 0.2126: R = 0.2126 + 2 * 0.7874 > 1, G = B = 0.2126 - 2 * 0.2126 < 0.
        QCOMPARE(sat.apply({1.0, 0.0, 0.0}), (Rgb{1.0, 0.0, 0.0}));
        Cdl none;
        QCOMPARE(none.apply({0.25, 0.5, 0.75}), (Rgb{0.25, 0.5, 0.75}));
    }

    void gradeWithCdlReproducesTheCdl()
    {
        std::mt19937 rng(42);
        std::uniform_real_distribution<double> colour(0.15, 0.85);
        int compared = 0;
        for (int i = 0; i < 50; ++i) {
            const Cdl cdl = randomCdl(rng);
            const Grade grade = gradeWithCdl(Grade{}, cdl);
            const GradeProgram program(grade);
            for (int j = 0; j < 40; ++j) {
                const Rgb in{colour(rng), colour(rng), colour(rng)};
                // Only colours where the CDL does not clamp: our grade never clamps.
                bool inRange = true;
                Rgb sop;
                for (int c = 0; c < 3; ++c) {
                    const double v = in[c] * cdl.slope[c] + cdl.offset[c];
                    inRange &= v > 0.0 && v < 1.0;
                    sop[c] = std::pow(std::clamp(v, 0.0, 1.0), cdl.power[c]);
                }
                const double luma = 0.2126 * sop.r + 0.7152 * sop.g + 0.0722 * sop.b;
                for (int c = 0; c < 3; ++c) {
                    const double s = luma + cdl.saturation * (sop[c] - luma);
                    inRange &= s > 0.0 && s < 1.0;
                }
                if (!inRange)
                    continue;
                ++compared;
                const Rgb expected = cdl.apply(in);
                const Rgb actual = program.apply(in);
                for (int c = 0; c < 3; ++c)
                    QVERIFY2(std::abs(actual[c] - expected[c]) < 1e-12,
                             qPrintable(QStringLiteral("%1: %2 vs %3")
                                            .arg(describe(cdl))
                                            .arg(actual[c])
                                            .arg(expected[c])));
            }
        }
        QVERIFY(compared > 1000);
    }

    void gradeWithCdlKeepsOtherControls()
    {
        Grade base;
        base.exposure = 0.5;
        base.contrast = 1.3;
        base.lift.master = 0.1;
        base.curves.master = {{0.0, 0.0}, {0.5, 0.6}, {1.0, 1.0}};
        Cdl cdl;
        cdl.slope = {1.1, 1.1, 1.1};
        cdl.offset = {0.01, 0.02, 0.03};
        const Grade grade = gradeWithCdl(base, cdl);
        QCOMPARE(grade.exposure, 0.5);
        QCOMPARE(grade.contrast, 1.3);
        QVERIFY(grade.curves == base.curves);
        QCOMPARE(grade.effectiveLift(), (Rgb{0.0, 0.0, 0.0}));
        QCOMPARE(grade.gain.master, 1.1); // one value for all channels goes to the master
        QCOMPARE(grade.effectiveOffset(), cdl.offset);
    }

    void cdlFromGradeInvertsGradeWithCdl()
    {
        std::mt19937 rng(7);
        for (int i = 0; i < 100; ++i) {
            Cdl cdl = randomCdl(rng);
            if (i % 3 == 0) // also the case of one value for all channels
                cdl.slope = {cdl.slope.r, cdl.slope.r, cdl.slope.r};
            const CdlFromGrade back = cdlFromGrade(gradeWithCdl(Grade{}, cdl));
            QVERIFY2(back.notExpressed.isEmpty(), qPrintable(back.notExpressed.join(QLatin1Char(','))));
            for (int c = 0; c < 3; ++c) {
                QVERIFY(std::abs(back.cdl.slope[c] - cdl.slope[c]) < 1e-12);
                QVERIFY(std::abs(back.cdl.offset[c] - cdl.offset[c]) < 1e-12);
                QVERIFY(std::abs(back.cdl.power[c] - cdl.power[c]) < 1e-12);
            }
            QVERIFY(std::abs(back.cdl.saturation - cdl.saturation) < 1e-12);
        }
    }

    void cdlFromGradeFoldsExposureWhiteBalanceAndLift()
    {
        Grade grade;
        grade.exposure = 0.4;
        grade.temperature = 30.0;
        grade.tint = -20.0;
        grade.lift = {0.05, {0.01, -0.02, 0.0}};
        grade.gain = {1.1, {1.0, 0.95, 1.05}};
        grade.gamma = {1.1, {1.0, 1.05, 0.9}};
        grade.offset = {-0.02, {0.0, 0.01, 0.0}};
        grade.saturation = 0.9;
        const CdlFromGrade result = cdlFromGrade(grade);
        QVERIFY(result.notExpressed.isEmpty());
        const GradeProgram program(grade);
        std::mt19937 rng(3);
        std::uniform_real_distribution<double> colour(0.2, 0.6);
        for (int i = 0; i < 200; ++i) {
            const Rgb in{colour(rng), colour(rng), colour(rng)};
            const Rgb expected = program.apply(in);
            if (std::min({expected.r, expected.g, expected.b}) <= 0.0 ||
                std::max({expected.r, expected.g, expected.b}) >= 1.0)
                continue;
            const Rgb actual = result.cdl.apply(in);
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(actual[c] - expected[c]) < 1e-9,
                         qPrintable(QStringLiteral("%1 vs %2").arg(actual[c]).arg(expected[c])));
        }
    }

    void cdlFromGradeListsWhatCdlCannotExpress()
    {
        Grade grade;
        QVERIFY(cdlFromGrade(grade).notExpressed.isEmpty());
        grade.contrast = 1.2;
        grade.curves.red = {{0.0, 0.1}, {1.0, 1.0}};
        grade.look.lut.lut3d = Lut3D::identity(2);
        const QStringList missing = cdlFromGrade(grade).notExpressed;
        QVERIFY(missing.contains(QStringLiteral("contrast")));
        QVERIFY(missing.contains(QStringLiteral("curves")));
        QVERIFY(missing.contains(QStringLiteral("look LUT")));
        QCOMPARE(missing.size(), 3);
    }

    void malformedFilesThrowNamingFileLineAndElement_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << QByteArray() << 1 << "the file is empty";
        QTest::newRow("whitespace only") << QByteArray(" \n\t\n") << 1 << "the file is empty";
        QByteArray junk;
        for (int i = 0; i < 200; ++i)
            junk.append(char((i * 73 + 5) % 256));
        QTest::newRow("binary junk") << junk << 1 << "malformed XML";
        QByteArray nul = kGood;
        nul.insert(30, '\0');
        QTest::newRow("NUL byte") << nul << 1 << "malformed XML";
        QTest::newRow("not XML") << QByteArray("LUT_3D_SIZE 33\n0 0 0\n") << 1 << "malformed XML";
        QTest::newRow("unclosed element")
            << correction("<Slope>1 1 1</Slope>").replace("</SatNode>", "") << 7 << "malformed XML";
        QTest::newRow("wrong root") << QByteArray("<?xml version=\"1.0\"?>\n<LUT><Slope>1 1 1</Slope></LUT>")
                                    << 2 << "<LUT> is not an ASC CDL document";
        QTest::newRow("two roots") << kGood + "\n" + kGood << 2 << "malformed XML";
        QTest::newRow("slope two numbers")
            << correction("<Slope>1 1</Slope>") << 4 << "<Slope> needs 3 number(s), got 2";
        QTest::newRow("offset four numbers")
            << correction("<Offset>0 0 0 0</Offset>") << 4 << "<Offset> needs 3 number(s), got 4";
        QTest::newRow("power not a number")
            << correction("<Power>1 one 1</Power>") << 4 << "<Power>: 'one' is not a finite number";
        QTest::newRow("nan") << correction("<Slope>1 nan 1</Slope>") << 4
                             << "<Slope>: 'nan' is not a finite number";
        QTest::newRow("negative power")
            << correction("<Power>1 -1 1</Power>") << 4 << "<Power> values must be greater than 0";
        QTest::newRow("zero power") << correction("<Power>1 1 0</Power>") << 4
                                    << "<Power> values must be greater than 0";
        QTest::newRow("negative slope")
            << correction("<Slope>-1 1 1</Slope>") << 4 << "<Slope> values must not be negative";
        QTest::newRow("saturation two numbers")
            << correction("", "<Saturation>1 1</Saturation>") << 6 << "<Saturation> needs 1 number(s), got 2";
        QTest::newRow("negative saturation")
            << correction("", "<Saturation>-0.5</Saturation>") << 6 << "<Saturation> must not be negative";
        QTest::newRow("duplicate slope")
            << correction("<Slope>1 1 1</Slope>\n<Slope>1 1 1</Slope>") << 5 << "<Slope> is given twice";
        QTest::newRow("element inside number")
            << correction("<Slope>1 <b>1</b> 1</Slope>") << 4 << "malformed XML";
        QTest::newRow("reference")
            << QByteArray("<ColorDecisionList>\n<ColorDecision>\n"
                          "<ColorCorrectionRef ref=\"abc\"/>\n</ColorDecision>\n"
                          "</ColorDecisionList>")
            << 3 << "<ColorCorrectionRef> (a reference to a correction in another file) is not supported";
        QTest::newRow("empty collection")
            << QByteArray("<ColorCorrectionCollection>\n</ColorCorrectionCollection>\n") << 3
            << "<ColorCorrectionCollection> holds no <ColorCorrection>";
    }

    void malformedFilesThrowNamingFileLineAndElement()
    {
        QFETCH(QByteArray, xml);
        QFETCH(int, line);
        QFETCH(QString, fragment);
        const QString message = parseError(xml);
        QVERIFY2(!message.isEmpty(), "no InputError thrown");
        QVERIFY2(message.startsWith(QStringLiteral("bad.cdl line %1: ").arg(line)), qPrintable(message));
        QVERIFY2(message.contains(fragment), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    }

    void readOfMissingFileThrowsAndWriteToUnwritablePathLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("missing.cdl"));
        try {
            CdlFile::read(missing);
            QFAIL("no InputError thrown");
        } catch (const InputError& e) {
            QVERIFY2(e.message().contains(missing), qPrintable(e.message()));
        }
        const QString unwritable = dir.filePath(QStringLiteral("no/such/dir/grade.cc"));
        QVERIFY_THROWS_EXCEPTION(InputError, CdlFile::write(unwritable, {Cdl{}}));
        QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCdlFile)
#include "tst_cdl_file.moc"
