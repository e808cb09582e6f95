// Specification of the .cube reader/writer (Adobe Cube LUT Specification 1.0 + Resolve's dialect).

#include "CubeFile.h"
#include "Error.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cfloat>
#include <charconv>
#include <cstring>
#include <limits>
#include <random>

using namespace cg;

namespace {

std::vector<float> randomValues(size_t count, unsigned seed, float lo = -0.25f, float hi = 1.25f)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> dist(lo, hi);
    std::vector<float> values(count);
    for (float& v : values)
        v = dist(rng);
    return values;
}

Lut3D random3D(int size, unsigned seed)
{
    Lut3D lut;
    lut.size = size;
    lut.values = randomValues(size_t(size) * size_t(size) * size_t(size) * 3, seed);
    return lut;
}

Lut1D random1D(int size, unsigned seed)
{
    Lut1D lut;
    lut.size = size;
    lut.values = randomValues(size_t(size) * 3, seed);
    return lut;
}

/// Throws if parsing succeeds; returns the InputError message otherwise.
QString parseError(const QByteArray& text, const QString& name = QStringLiteral("bad.cube"))
{
    try {
        CubeFile::parse(text, name);
    } catch (const InputError& e) {
        return e.message();
    }
    return QString();
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace

class TestCubeFile : public QObject
{
    Q_OBJECT

private slots:
    void cubeRoundTripKeeps3DValues()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CubeLut lut;
        lut.title = QStringLiteral("Random look — ümlaut # not a comment");
        lut.lut3d = random3D(17, 1);
        const QString path = dir.filePath(QStringLiteral("look.cube"));
        CubeFile::write(path, lut);
        const CubeLut back = CubeFile::read(path);
        QCOMPARE(back.title, lut.title);
        QVERIFY(!back.lut1d);
        QVERIFY(back.lut3d);
        QCOMPARE(back.lut3d->size, 17);
        QVERIFY(back.lut3d->values == lut.lut3d->values); // bit-exact, not approximately
        QVERIFY(back == lut);
    }

    void cubeRoundTripKeeps1DValuesAndPerChannelDomain()
    {
        CubeLut lut;
        lut.title = QStringLiteral("shaper");
        lut.lut1d = random1D(1024, 2);
        lut.lut1d->domainMin = {-0.125, 0.0, 0.1};
        lut.lut1d->domainMax = {1.5, 2.0, 1.0 / 3.0};
        const CubeLut back = CubeFile::parse(CubeFile::serialize(lut), QStringLiteral("mem.cube"));
        QVERIFY(back == lut);
    }

    void cubeRoundTripKeepsShaperAndCube()
    {
        CubeLut lut;
        lut.lut1d = random1D(64, 3);
        lut.lut1d->domainMin = {-0.5, -0.5, -0.5};
        lut.lut1d->domainMax = {2.0, 2.0, 2.0};
        lut.lut3d = random3D(5, 4);
        const QByteArray text = CubeFile::serialize(lut);
        QVERIFY(text.contains("LUT_1D_INPUT_RANGE"));
        QVERIFY(!text.contains("LUT_3D_INPUT_RANGE")); // default 0..1 is not written
        QVERIFY(text.indexOf("LUT_1D_SIZE") < text.indexOf("LUT_3D_SIZE"));
        const CubeLut back = CubeFile::parse(text, QStringLiteral("mem.cube"));
        QVERIFY(back == lut);
        QCOMPARE(back.lut1d->domainMin.r, -0.5);
        QCOMPARE(back.lut3d->domainMax.b, 1.0);
    }

    void combinedFileIsWrittenInResolveDialectWithoutTitleKeyword()
    {
        // Resolve and OpenColorIO's resolve_cube reader reject TITLE and comments after the header.
        CubeLut lut;
        lut.title = QStringLiteral("both");
        lut.lut1d = Lut1D::identity(4);
        lut.lut3d = Lut3D::identity(2);
        const QByteArray text = CubeFile::serialize(lut);
        QVERIFY(!text.contains("TITLE"));
        QVERIFY(text.startsWith("# both\n# Created by Cinegrade\n"));
        const qsizetype header = text.indexOf("LUT_1D_SIZE");
        QVERIFY(text.indexOf('#', header) < 0);
        const CubeLut back = CubeFile::parse(text, QStringLiteral("mem.cube"));
        QVERIFY(back.title.isEmpty());
        QVERIFY(back.lut1d == lut.lut1d && back.lut3d == lut.lut3d);
    }

    void cubeRoundTripKeepsExtremeFloats()
    {
        CubeLut lut;
        lut.lut3d = Lut3D::identity(2);
        const float extremes[] = {FLT_MAX,     -FLT_MAX,
                                  FLT_MIN,     std::numeric_limits<float>::denorm_min(),
                                  1e-30f,      0.1f,
                                  1.0f / 3.0f, -0.0f,
                                  123456.789f, 0.999999940395f,
                                  16777217.0f, 2.5e-8f};
        std::copy(std::begin(extremes), std::end(extremes), lut.lut3d->values.begin());
        const CubeLut back = CubeFile::parse(CubeFile::serialize(lut), QStringLiteral("mem.cube"));
        QVERIFY(back.lut3d->values == lut.lut3d->values);
    }

    void serializeWritesTitleCommentSizeThenDomain()
    {
        CubeLut lut;
        lut.title = QStringLiteral("A \"quoted\" title");
        lut.lut3d = Lut3D::identity(2);
        QByteArray text = CubeFile::serialize(lut);
        QVERIFY(text.startsWith("TITLE \"A 'quoted' title\"\n# Created by Cinegrade\nLUT_3D_SIZE 2\n"));
        QVERIFY(!text.contains("DOMAIN_"));
        QVERIFY(!text.contains('\r'));

        lut.lut3d->domainMax = {4.0, 4.0, 4.0};
        text = CubeFile::serialize(lut);
        // FFmpeg's lut3d filter only honours DOMAIN_* after LUT_3D_SIZE.
        QVERIFY(text.indexOf("LUT_3D_SIZE") < text.indexOf("DOMAIN_MIN 0 0 0\nDOMAIN_MAX 4 4 4\n"));
    }

    void parseAcceptsCrlfCommentsBlankLinesAndTitle()
    {
        const QByteArray text = "# leading comment\r\n"
                                "TITLE \"My # look\"   # trailing comment\r\n"
                                "\r\n"
                                "LUT_3D_SIZE 2 # two points per axis\r\n"
                                "\t# indented comment\r\n"
                                "0 0 0\r\n"
                                "1 0 0   # red\r\n"
                                "0 1 0\r\n"
                                "\r\n"
                                "1 1 0\r\n"
                                "0 0 1\r\n"
                                "# comment between data lines\r\n"
                                "1 0 1\r\n"
                                "0 1 1\r\n"
                                "  1\t1  1  \r\n";
        const CubeLut lut = CubeFile::parse(text, QStringLiteral("crlf.cube"));
        QCOMPARE(lut.title, QStringLiteral("My # look"));
        QVERIFY(lut.lut3d);
        QVERIFY(*lut.lut3d == Lut3D::identity(2));
    }

    void parseAcceptsCarriageReturnLineEndsBomAndPlusSigns()
    {
        const QByteArray text = "\xEF\xBB\xBFLUT_1D_SIZE 2\r+0 0 -0\r1 +1.0 1e0\r";
        const CubeLut lut = CubeFile::parse(text, QStringLiteral("cr.cube"));
        QVERIFY(lut.lut1d);
        QCOMPARE(lut.lut1d->values, (std::vector<float>{0, 0, 0, 1, 1, 1}));
    }

    void parseAppliesDomainKeywords()
    {
        CubeLut lut = CubeFile::parse("DOMAIN_MIN -0.5 0 0.25\nDOMAIN_MAX 1.5 2 0.75\nLUT_3D_SIZE 2\n"
                                      "0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n",
                                      QStringLiteral("domain.cube"));
        QCOMPARE(lut.lut3d->domainMin, (Rgb{-0.5, 0.0, 0.25}));
        QCOMPARE(lut.lut3d->domainMax, (Rgb{1.5, 2.0, 0.75}));

        lut = CubeFile::parse("LUT_1D_SIZE 2\nLUT_1D_INPUT_RANGE -1 3\n0 0 0\n1 1 1\n",
                              QStringLiteral("r.cube"));
        QCOMPARE(lut.lut1d->domainMin, (Rgb{-1.0, -1.0, -1.0}));
        QCOMPARE(lut.lut1d->domainMax, (Rgb{3.0, 3.0, 3.0}));

        // DOMAIN_* apply to both tables; an INPUT_RANGE overrides them for its own table.
        lut = CubeFile::parse("DOMAIN_MIN 0 0 0\nDOMAIN_MAX 2 2 2\nLUT_1D_SIZE 2\nLUT_3D_SIZE 2\n"
                              "LUT_3D_INPUT_RANGE 0.0 0.5\n"
                              "0 0 0\n1 1 1\n"
                              "0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n",
                              QStringLiteral("both.cube"));
        QCOMPARE(lut.lut1d->domainMax, (Rgb{2.0, 2.0, 2.0}));
        QCOMPARE(lut.lut3d->domainMax, (Rgb{0.5, 0.5, 0.5}));
        QCOMPARE(lut.lut1d->values, (std::vector<float>{0, 0, 0, 1, 1, 1}));
        QVERIFY(lut.lut3d->values == Lut3D::identity(2).values);
    }

    void parseIgnoresUnknownKeywordsBeforeData()
    {
        const CubeLut lut = CubeFile::parse("LUT_3D_SIZE 2\nLUT_IN_SOMETHING_NEW 1 2\nlut_vendor_flag\n"
                                            "0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n",
                                            QStringLiteral("new.cube"));
        QVERIFY(*lut.lut3d == Lut3D::identity(2));
    }

    void malformedFilesThrowNamingTheLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("fragment");

        const QByteArray head = "TITLE \"t\"\nLUT_3D_SIZE 2\n";
        const QByteArray seven = "0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n";
        QTest::newRow("truncated") << head + seven << 9 << "ends after 7 of 8 data lines";
        QTest::newRow("too many lines") << head + seven + "1 1 1\n1 1 1\n" << 11 << "too many data lines";
        QTest::newRow("not a number") << head + "0 abc 0\n" + seven << 3 << "'abc' is not a number";
        QTest::newRow("number with junk") << head + "0 0.5x 0\n" + seven << 3 << "'0.5x' is not a number";
        QTest::newRow("nan") << head + "0 0 nan\n" + seven << 3 << "'nan' is not a finite number";
        QTest::newRow("inf") << head + seven + "-inf 1 1\n" << 10 << "'-inf' is not a finite number";
        QTest::newRow("overflow") << head + "1e40 0 0\n" + seven << 3 << "'1e40' is too large";
        QTest::newRow("two numbers") << head + "0 0\n" + seven << 3 << "expected 3 numbers, got 2";
        QTest::newRow("four numbers") << head + seven + "1 1 1 1\n" << 10 << "expected 3 numbers, got 4";
        QTest::newRow("size 0") << QByteArray("LUT_3D_SIZE 0\n0 0 0\n") << 1 << "from 2 to 256, got '0'";
        QTest::newRow("size 1") << QByteArray("LUT_3D_SIZE 1\n0 0 0\n") << 1 << "from 2 to 256, got '1'";
        QTest::newRow("size 1000") << QByteArray("# big\nLUT_3D_SIZE 1000\n") << 2
                                   << "from 2 to 256, got '1000'";
        QTest::newRow("1D size 70000") << QByteArray("LUT_1D_SIZE 70000\n") << 1 << "from 2 to 65536";
        QTest::newRow("size not whole") << QByteArray("LUT_3D_SIZE 2.5\n") << 1 << "whole number";
        QTest::newRow("size missing value") << QByteArray("LUT_3D_SIZE\n") << 1 << "one whole number, got 0";
        QTest::newRow("missing size")
            << QByteArray("TITLE \"x\"\n\n0 0 0\n") << 3 << "data before LUT_1D_SIZE";
        QTest::newRow("no size at all")
            << QByteArray("# only\n# comments\n") << 2 << "no LUT_1D_SIZE or LUT_3D_SIZE";
        QTest::newRow("no data") << QByteArray("LUT_3D_SIZE 2\n\n") << 2 << "ends before the data";
        QTest::newRow("duplicate size") << QByteArray("LUT_3D_SIZE 2\nLUT_3D_SIZE 3\n") << 2
                                        << "duplicate LUT_3D_SIZE (first given on line 1)";
        QTest::newRow("duplicate title") << "TITLE \"a\"\n" + head << 2 << "duplicate TITLE";
        QTest::newRow("duplicate domain")
            << QByteArray("DOMAIN_MIN 0 0 0\nDOMAIN_MIN 0 0 0\n") << 2 << "duplicate DOMAIN_MIN";
        QTest::newRow("keyword after data")
            << head + "0 0 0\nDOMAIN_MAX 1 1 1\n" + seven << 4 << "keyword 'DOMAIN_MAX' after the data";
        QTest::newRow("unknown keyword after data") << head + "0 0 0\nabc 1 1\n" << 4 << "after the data";
        QTest::newRow("domain min >= max")
            << "DOMAIN_MIN 0 0.5 0\nDOMAIN_MAX 1 0.5 1\n" + head + seven + "1 1 1\n"
            << 2 << "DOMAIN_MIN must be below DOMAIN_MAX";
        QTest::newRow("domain two numbers")
            << QByteArray("DOMAIN_MIN 0 0\n") << 1 << "DOMAIN_MIN needs 3 numbers, got 2";
        QTest::newRow("domain not a number")
            << QByteArray("DOMAIN_MAX 1 x 1\n") << 1 << "'x' is not a number";
        QTest::newRow("input range reversed")
            << QByteArray("LUT_3D_INPUT_RANGE 1 0\n") << 1 << "min must be below max";
        QTest::newRow("input range count")
            << QByteArray("LUT_1D_INPUT_RANGE 0 1 2\n") << 1 << "needs 2 numbers";
        QTest::newRow("title unterminated") << QByteArray("TITLE \"abc\n") << 1 << "no closing quote";
        QTest::newRow("title trailing text") << QByteArray("TITLE \"abc\" def\n") << 1 << "after the TITLE";
        QTest::newRow("empty file") << QByteArray() << 1 << "the file is empty";
        QByteArray nul = head;
        nul.append('0').append('\0').append(" 0 0\n");
        QTest::newRow("NUL byte") << nul << 3 << "NUL byte";
        QByteArray junk = "LUT_3D_SIZE 2\n";
        for (int i = 0; i < 64; ++i)
            junk.append(char((i * 37 + 11) % 256));
        QTest::newRow("binary junk") << junk << 2 << "not a text file";
        QTest::newRow("invalid UTF-8") << QByteArray("# ok\nTITLE \"caf\xE9\"\n") << 2 << "not valid UTF-8";
    }

    void malformedFilesThrowNamingTheLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, fragment);
        const QString message = parseError(text);
        QVERIFY2(!message.isEmpty(), "no InputError thrown");
        const QString where = QStringLiteral("bad.cube line %1: ").arg(line);
        QVERIFY2(message.startsWith(where), qPrintable(message));
        QVERIFY2(message.contains(fragment), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    }

    void readNamesTheFileInErrors()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.cube"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("LUT_3D_SIZE 2\n0 0\n");
        file.close();
        try {
            CubeFile::read(path);
            QFAIL("no InputError thrown");
        } catch (const InputError& e) {
            QVERIFY2(e.message().startsWith(QStringLiteral("broken.cube line 2: ")), qPrintable(e.message()));
        }
    }

    void readOfMissingFileThrows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing.cube"));
        try {
            CubeFile::read(path);
            QFAIL("no InputError thrown");
        } catch (const InputError& e) {
            QVERIFY2(e.message().contains(path), qPrintable(e.message()));
        }
        QVERIFY_THROWS_EXCEPTION(InputError, CubeFile::read(dir.path())); // a directory is not a file
    }

    void writeToUnwritablePathThrowsAndLeavesNoFile()
    {
        QTemporaryDir dir;
        CubeLut lut;
        lut.lut3d = Lut3D::identity(2);
        // A regular file where a directory should be: not writable even for root.
        const QString blocker = dir.filePath(QStringLiteral("not-a-dir"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QStringList before = entries(dir.path());
        for (const QString& path : {blocker + QStringLiteral("/look.cube"),
                                    dir.filePath(QStringLiteral("no/such/dir/look.cube"))}) {
            try {
                CubeFile::write(path, lut);
                QFAIL("no InputError thrown");
            } catch (const InputError& e) {
                QVERIFY2(e.message().contains(path), qPrintable(e.message()));
            }
            QVERIFY(!QFile::exists(path));
        }
        QCOMPARE(entries(dir.path()), before); // no temporary file left behind
    }

    void writeReplacesAnExistingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("look.cube"));
        CubeLut first;
        first.lut3d = random3D(3, 5);
        CubeFile::write(path, first);
        CubeLut second;
        second.lut1d = random1D(16, 6);
        CubeFile::write(path, second);
        QVERIFY(CubeFile::read(path) == second);
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("look.cube")});
    }

    void serializeRefusesWhatTheFormatCannotHold()
    {
        QVERIFY_THROWS_EXCEPTION(InputError, CubeFile::serialize(CubeLut{}));
        CubeLut lut;
        lut.lut3d = Lut3D::identity(2);
        lut.lut3d->values[4] = std::numeric_limits<float>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(InputError, CubeFile::serialize(lut));
        lut.lut3d = Lut3D::identity(2);
        lut.lut3d->domainMax = {1.0, 0.0, 1.0};
        QVERIFY_THROWS_EXCEPTION(InputError, CubeFile::serialize(lut));
    }

    void parseRoundsEveryDecimalLikeFromChars()
    {
        // The reader has its own fast path for plain decimals; std::from_chars (correctly rounded) is the
        // reference. Float midpoints (ties to even) and long significands are the hard cases.
        QList<QByteArray> words = {"16777217", "16777219", "33554434", "1.6777217e7", "167772170e-1",
                                   "0.500000029802322387695312", "1.000000059604644775390625", "3.4028234e38",
                                   "1.17549435e-38", "1e-40", "0.1", "-0.0", "7e22", "1234567890123456789",
                                   "12345678901234567890", "9007199254740993", "4.9406564584124654e-324",
                                   ".5", "5.", "+2.5E+3", "1E-22", "1e-23",
                                   // Decimals within half a double ulp of a float midpoint but not on it:
                                   // rounding to double first would round some of them the wrong way.
                                   "6921106034951663e-22", "6227149060578085e-20", "6227149060578086e-20",
                                   "2754511751845712e-20", "2047482630587183e-19", "0.449428990483284"};
        std::mt19937 rng(11);
        std::uniform_int_distribution<int> digitCount(1, 21), digit(0, 9), exponent(-40, 36), coin(0, 3);
        while (words.size() < 30000) {
            QByteArray word = coin(rng) == 0 ? "-" : "";
            const int n = digitCount(rng);
            const int point = std::uniform_int_distribution<int>(0, n)(rng);
            for (int i = 0; i < n; ++i) {
                if (i == point && coin(rng) != 0)
                    word += '.';
                word += char('0' + digit(rng));
            }
            if (coin(rng) == 0)
                word += 'e' + QByteArray::number(exponent(rng));
            words << word;
        }
        std::vector<float> expected;
        QByteArray text = "LUT_1D_SIZE " + QByteArray::number(words.size() / 3) + "\n";
        for (qsizetype i = 0; i + 2 < words.size(); i += 3) {
            for (int c = 0; c < 3; ++c) {
                QByteArray word = words[i + c];
                const char* b = word.constData() + (word.startsWith('+') ? 1 : 0);
                float value = 0.0f;
                const auto result = std::from_chars(b, word.constData() + word.size(), value);
                if (result.ec != std::errc() || !std::isfinite(value)) { // out of float range: not this test
                    word = "0";
                    value = 0.0f;
                }
                expected.push_back(value);
                text += word + (c < 2 ? " " : "\n");
            }
        }
        const CubeLut lut = CubeFile::parse(text, QStringLiteral("digits.cube"));
        QCOMPARE(lut.lut1d->values.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i)
            if (std::memcmp(&lut.lut1d->values[i], &expected[i], sizeof(float)) != 0)
                QFAIL(qPrintable(QStringLiteral("%1 read as %2, expected %3")
                                     .arg(QString::fromLatin1(words[qsizetype(i)]))
                                     .arg(double(lut.lut1d->values[i]), 0, 'g', 10)
                                     .arg(double(expected[i]), 0, 'g', 10)));
    }

    void parseReads65CubeQuickly()
    {
        CubeLut lut;
        lut.lut3d = random3D(65, 7);
        const QByteArray text = CubeFile::serialize(lut);
        QElapsedTimer timer;
        timer.start();
        const CubeLut back = CubeFile::parse(text, QStringLiteral("big.cube"));
        const qint64 ms = timer.elapsed();
        qInfo("parsed a 65^3 cube (%lld bytes) in %lld ms", qlonglong(text.size()), ms);
        QVERIFY(back == lut);
        // The target is well under 100 ms; the bound leaves room for sanitizer and loaded-CI builds.
        QVERIFY2(ms < 1000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    }
};

QTEST_GUILESS_MAIN(TestCubeFile)
#include "tst_cube_file.moc"
