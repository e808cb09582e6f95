#include "CubeFile.h"

#include "Error.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringDecoder>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>

// The reader follows the Adobe Cube LUT Specification 1.0 (2013) plus the dialect DaVinci Resolve
// writes (LUT_1D_INPUT_RANGE / LUT_3D_INPUT_RANGE, a 1D "shaper" table followed by a 3D table in one
// file). Decisions where the two disagree or are silent:
//  - Keywords are matched case-insensitively and must all precede the first data line.
//  - Unknown keywords before the data are ignored (Adobe's specification leaves room for extensions),
//    so that files from newer tools still load; anything that is not a keyword must be a line of
//    exactly 3 finite numbers, and the number of those lines must match the declared sizes.
//  - DOMAIN_MIN/DOMAIN_MAX apply to every table in the file; LUT_1D_INPUT_RANGE and
//    LUT_3D_INPUT_RANGE override them for their own table.
//  - `#` starts a comment anywhere (whole line or trailing), except inside the quoted TITLE text.
//  - Line ends may be LF, CRLF or CR; a UTF-8 byte order mark is skipped.
// Data are parsed straight from the byte buffer, never through QString: a correctly rounded fast path
// for plain decimals, std::from_chars (locale independent) for everything else. A 65^3 table (8.9 MB)
// reads in about 25 ms here. The writer prints each float in the shortest fixed notation that reads
// back to the same float (at most 9 significant digits), so write + read is lossless.

namespace cg::CubeFile {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cg::CubeFile)
};

constexpr int kMin1DSize = 2;
constexpr int kMax1DSize = 65536;
constexpr int kMin3DSize = 2;
constexpr int kMax3DSize = 256;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string_view withoutComment(std::string_view s)
{
    const size_t hash = s.find('#');
    return hash == std::string_view::npos ? s : s.substr(0, hash);
}

QString quoted(std::string_view s)
{
    constexpr size_t kMaxShown = 40;
    QString text = QString::fromUtf8(s.data(), qsizetype(std::min(s.size(), kMaxShown)));
    if (s.size() > kMaxShown)
        text += QStringLiteral("...");
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x >= 'a' && x <= 'z' ? char(x - 32) : x) == (y >= 'a' && y <= 'z' ? char(y - 32) : y);
           });
}

/// Splits on blanks; returns how many tokens there are, storing at most `capacity`.
template <size_t N> size_t splitTokens(std::string_view s, std::string_view (&tokens)[N])
{
    size_t count = 0;
    size_t i = 0;
    while (true) {
        while (i < s.size() && isSpace(s[i]))
            ++i;
        if (i == s.size())
            return count;
        const size_t start = i;
        while (i < s.size() && !isSpace(s[i]))
            ++i;
        if (count < N)
            tokens[count] = s.substr(start, i - start);
        ++count;
    }
}

/// Exact fast path for the plain decimals .cube files hold ("-0.123456789", "1e-3"); with it a 65^3
/// table reads in half the time. Clinger's fast path (Clinger 1990): with a significand of at most 2^53 and
/// |exponent| <= 22, one IEEE multiplication or division by an exact power of ten gives the correctly
/// rounded double. Rounding that double to float is then correct too, except when the double falls
/// exactly on a midpoint between two floats (double rounding); those, subnormals, overflow and every
/// other spelling return false and go to std::from_chars.
/// Returns where the number ends, or nullptr when the slow path must decide.
const char* parseFloatPrefix(const char* p, const char* e, float& out)
{
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const bool negative = p != e && *p == '-';
    if (p != e && (*p == '-' || *p == '+'))
        ++p;
    uint64_t significand = 0;
    int digits = 0;
    int exponent = 0;
    bool any = false;
    auto digit = [&](char c) {
        if (significand != 0 || c != '0')
            ++digits;
        significand = significand * 10 + uint64_t(c - '0');
        any = true;
    };
    for (; p != e && unsigned(*p - '0') < 10 && digits < 19; ++p)
        digit(*p);
    if (p != e && *p == '.')
        for (++p; p != e && unsigned(*p - '0') < 10 && digits < 19; ++p, --exponent)
            digit(*p);
    if (!any)
        return nullptr;
    if (p != e && (*p == 'e' || *p == 'E')) {
        ++p;
        const bool negativeExponent = p != e && *p == '-';
        if (p != e && (*p == '-' || *p == '+'))
            ++p;
        int value = 0, count = 0;
        for (; p != e && unsigned(*p - '0') < 10 && count < 4; ++p, ++count)
            value = value * 10 + (*p - '0');
        if (count == 0)
            return nullptr;
        exponent += negativeExponent ? -value : value;
    }
    if (significand > (uint64_t(1) << 53) || exponent < -22 || exponent > 22)
        return nullptr;
    double d = double(significand);
    d = exponent < 0 ? d / kPow10[-exponent] : d * kPow10[exponent];
    if (d != 0.0) {
        if (d < double(std::numeric_limits<float>::min()) || d > double(std::numeric_limits<float>::max()))
            return nullptr;
        uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        // A double has 52 fraction bits, a float 23: the 29 dropped bits equal to 1000...0 mark a midpoint.
        constexpr uint64_t kDropped = (uint64_t(1) << 29) - 1;
        if ((bits & kDropped) == (uint64_t(1) << 28))
            return nullptr;
    }
    out = float(negative ? -d : d);
    return p;
}

bool parseFloatFast(const char* b, const char* e, float& out)
{
    return parseFloatPrefix(b, e, out) == e;
}

/// Parses one whole token as a finite number; on failure returns the reason.
template <typename T> std::optional<QString> parseNumber(std::string_view token, T& out)
{
    const char* b = token.data();
    const char* e = b + token.size();
    if constexpr (std::is_same_v<T, float>) {
        if (parseFloatFast(b, e, out))
            return std::nullopt;
    }
    // std::from_chars rejects a leading '+', which some writers emit.
    if (b != e && *b == '+' && b + 1 != e && b[1] != '-' && b[1] != '+')
        ++b;
    auto [ptr, ec] = std::from_chars(b, e, out);
    if (ec == std::errc::result_out_of_range && ptr == e) {
        // Underflow is harmless (the value is as good as zero); overflow is not.
        double wide = 0.0;
        const auto [wptr, wec] = std::from_chars(b, e, wide);
        if (wec == std::errc() && wptr == e && std::abs(wide) < 1.0) {
            out = T(wide);
            ec = std::errc();
        } else {
            return Text::tr("%1 is too large").arg(quoted(token));
        }
    }
    if (ec != std::errc() || ptr != e)
        return Text::tr("%1 is not a number").arg(quoted(token));
    if (!std::isfinite(out))
        return Text::tr("%1 is not a finite number").arg(quoted(token));
    return std::nullopt;
}

class Parser
{
public:
    Parser(const QByteArray& text, const QString& sourceName) : m_text(text), m_source(sourceName) {}

    CubeLut run()
    {
        std::string_view rest(m_text.constData(), size_t(m_text.size()));
        if (rest.substr(0, 3) == "\xEF\xBB\xBF")
            rest.remove_prefix(3);
        if (rest.empty())
            fail(1, Text::tr("the file is empty"));

        while (!rest.empty()) {
            ++m_line;
            if (m_inData && parseDataLineFast(rest))
                continue;
            size_t end = 0;
            bool highBytes = false;
            while (end < rest.size()) {
                const unsigned char c = static_cast<unsigned char>(rest[end]);
                if (c == '\n' || c == '\r')
                    break;
                if (c < 0x20 && !isSpace(char(c)))
                    fail(m_line, c == 0 ? Text::tr("contains a NUL byte (not a text file?)")
                                        : Text::tr("contains the control character 0x%1 (not a text file?)")
                                              .arg(int(c), 2, 16, QLatin1Char('0')));
                if (c == 0x7f)
                    fail(m_line, Text::tr("contains the control character 0x7f (not a text file?)"));
                highBytes |= c >= 0x80;
                ++end;
            }
            const std::string_view line = rest.substr(0, end);
            if (end < rest.size() && rest[end] == '\r' && end + 1 < rest.size() && rest[end + 1] == '\n')
                ++end;
            rest.remove_prefix(std::min(end + 1, rest.size()));

            if (highBytes)
                checkUtf8(line);
            parseLine(line);
        }
        return finish();
    }

private:
    /// The common case in one pass: a data line of three plain numbers and its line end. Anything else
    /// (comments, odd spellings, errors) returns false and takes the general path, which checks it.
    bool parseDataLineFast(std::string_view& rest)
    {
        if (m_values1d.size() + m_values3d.size() >= (m_count1d + m_count3d) * 3)
            return false;
        const char* p = rest.data();
        const char* e = p + rest.size();
        float v[3];
        for (int c = 0; c < 3; ++c) {
            while (p != e && (*p == ' ' || *p == '\t'))
                ++p;
            p = parseFloatPrefix(p, e, v[c]);
            if (!p || (p != e && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r'))
                return false;
        }
        while (p != e && (*p == ' ' || *p == '\t'))
            ++p;
        if (p != e) {
            if (*p == '\r' && p + 1 != e && p[1] == '\n')
                ++p;
            else if (*p != '\n' && *p != '\r')
                return false;
            ++p;
        }
        std::vector<float>& target = m_values1d.size() < m_count1d * 3 ? m_values1d : m_values3d;
        target.insert(target.end(), v, v + 3);
        rest.remove_prefix(size_t(p - rest.data()));
        return true;
    }

    struct Keyword
    {
        int line = 0;
    };

    [[noreturn]] void fail(int line, const QString& what) const
    {
        throw InputError(Text::tr("%1 line %2: %3").arg(m_source).arg(line).arg(what));
    }

    void checkUtf8(std::string_view line) const
    {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString unused = decoder(QByteArrayView(line.data(), qsizetype(line.size())));
        if (decoder.hasError())
            fail(m_line, Text::tr("is not valid UTF-8 text (not a text file?)"));
    }

    void parseLine(std::string_view raw)
    {
        const std::string_view line = trimmed(raw);
        if (line.empty() || line.front() == '#')
            return;
        size_t wordEnd = 0;
        while (wordEnd < line.size() && !isSpace(line[wordEnd]) && line[wordEnd] != '#')
            ++wordEnd;
        const std::string_view word = line.substr(0, wordEnd);
        if (isKeyword(word))
            parseKeyword(word, line.substr(wordEnd));
        else
            parseData(line);
    }

    /// A keyword is an identifier; "nan" and "inf" are identifiers too but are (bad) data.
    static bool isKeyword(std::string_view word)
    {
        if (word.empty())
            return false;
        const char c = word.front();
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'))
            return false;
        for (const char* number : {"nan", "inf", "infinity"})
            if (equalsIgnoringCase(word, number))
                return false;
        return std::all_of(word.begin(), word.end(), [](char x) {
            return (x >= 'A' && x <= 'Z') || (x >= 'a' && x <= 'z') || (x >= '0' && x <= '9') || x == '_';
        });
    }

    void markSeen(std::optional<Keyword>& slot, const char* name)
    {
        if (slot)
            fail(m_line,
                 Text::tr("duplicate %1 (first given on line %2)").arg(QLatin1String(name)).arg(slot->line));
        slot = Keyword{m_line};
    }

    void parseKeyword(std::string_view word, std::string_view args)
    {
        if (m_inData)
            fail(m_line, Text::tr("keyword %1 after the data (keywords must come before the table)")
                             .arg(quoted(word)));

        if (equalsIgnoringCase(word, "TITLE")) {
            markSeen(m_titleSeen, "TITLE");
            parseTitle(trimmed(args));
            return;
        }
        const std::string_view values = trimmed(withoutComment(args));
        if (equalsIgnoringCase(word, "LUT_1D_SIZE")) {
            markSeen(m_size1dSeen, "LUT_1D_SIZE");
            m_size1d = parseSize("LUT_1D_SIZE", values, kMin1DSize, kMax1DSize);
        } else if (equalsIgnoringCase(word, "LUT_3D_SIZE")) {
            markSeen(m_size3dSeen, "LUT_3D_SIZE");
            m_size3d = parseSize("LUT_3D_SIZE", values, kMin3DSize, kMax3DSize);
        } else if (equalsIgnoringCase(word, "DOMAIN_MIN")) {
            markSeen(m_domainMinSeen, "DOMAIN_MIN");
            m_domainMin = parseTriple("DOMAIN_MIN", values);
        } else if (equalsIgnoringCase(word, "DOMAIN_MAX")) {
            markSeen(m_domainMaxSeen, "DOMAIN_MAX");
            m_domainMax = parseTriple("DOMAIN_MAX", values);
        } else if (equalsIgnoringCase(word, "LUT_1D_INPUT_RANGE")) {
            markSeen(m_range1dSeen, "LUT_1D_INPUT_RANGE");
            m_range1d = parseRange("LUT_1D_INPUT_RANGE", values);
        } else if (equalsIgnoringCase(word, "LUT_3D_INPUT_RANGE")) {
            markSeen(m_range3dSeen, "LUT_3D_INPUT_RANGE");
            m_range3d = parseRange("LUT_3D_INPUT_RANGE", values);
        }
        // Any other keyword is ignored (see the note at the top of the file).
    }

    void parseTitle(std::string_view args)
    {
        std::string_view text;
        if (!args.empty() && args.front() == '"') {
            const size_t close = args.find('"', 1);
            if (close == std::string_view::npos)
                fail(m_line, Text::tr("TITLE text has no closing quote"));
            text = args.substr(1, close - 1);
            const std::string_view after = trimmed(args.substr(close + 1));
            if (!after.empty() && after.front() != '#')
                fail(m_line, Text::tr("unexpected text %1 after the TITLE").arg(quoted(after)));
        } else {
            // The specification asks for quotes; some writers leave them out.
            text = trimmed(withoutComment(args));
        }
        m_lut.title = QString::fromUtf8(text.data(), qsizetype(text.size()));
    }

    int parseSize(const char* name, std::string_view values, int minimum, int maximum)
    {
        std::string_view tokens[2];
        const size_t count = splitTokens(values, tokens);
        if (count != 1)
            fail(m_line,
                 Text::tr("%1 needs one whole number, got %2 values").arg(QLatin1String(name)).arg(count));
        int size = 0;
        const std::string_view token = tokens[0];
        const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), size);
        if (ec != std::errc() || ptr != token.data() + token.size() || size < minimum || size > maximum)
            fail(m_line, Text::tr("%1 must be a whole number from %2 to %3, got %4")
                             .arg(QLatin1String(name))
                             .arg(minimum)
                             .arg(maximum)
                             .arg(quoted(token)));
        return size;
    }

    Rgb parseTriple(const char* name, std::string_view values)
    {
        std::string_view tokens[3];
        const size_t count = splitTokens(values, tokens);
        if (count != 3)
            fail(m_line, Text::tr("%1 needs 3 numbers, got %2").arg(QLatin1String(name)).arg(count));
        Rgb out;
        for (int c = 0; c < 3; ++c)
            if (const auto error = parseNumber(tokens[c], out[c]))
                fail(m_line, QLatin1String(name) + QStringLiteral(": ") + *error);
        return out;
    }

    std::pair<double, double> parseRange(const char* name, std::string_view values)
    {
        std::string_view tokens[2];
        const size_t count = splitTokens(values, tokens);
        if (count != 2)
            fail(m_line,
                 Text::tr("%1 needs 2 numbers (min max), got %2").arg(QLatin1String(name)).arg(count));
        std::pair<double, double> out;
        if (auto error = parseNumber(tokens[0], out.first))
            fail(m_line, QLatin1String(name) + QStringLiteral(": ") + *error);
        if (auto error = parseNumber(tokens[1], out.second))
            fail(m_line, QLatin1String(name) + QStringLiteral(": ") + *error);
        if (!(out.first < out.second))
            fail(m_line, Text::tr("%1: min must be below max, got %2 and %3")
                             .arg(QLatin1String(name))
                             .arg(out.first)
                             .arg(out.second));
        return out;
    }

    /// Called at the first data line: the header is complete, so sizes and domains are known.
    void startData(std::string_view remaining)
    {
        if (!m_size1d && !m_size3d)
            fail(m_line, Text::tr("data before LUT_1D_SIZE or LUT_3D_SIZE (the size must come first)"));
        if (m_domainMinSeen || m_domainMaxSeen) {
            for (int c = 0; c < 3; ++c)
                if (!(m_domainMin[c] < m_domainMax[c]))
                    fail(m_domainMaxSeen ? m_domainMaxSeen->line : m_domainMinSeen->line,
                         Text::tr(
                             "DOMAIN_MIN must be below DOMAIN_MAX in every channel, channel %1 has %2 and %3")
                             .arg(c + 1)
                             .arg(m_domainMin[c])
                             .arg(m_domainMax[c]));
        }
        m_count1d = size_t(m_size1d);
        m_count3d = size_t(m_size3d) * size_t(m_size3d) * size_t(m_size3d);
        // Reserve no more than the remaining bytes could hold ("0 0 0\n" is 6 bytes), so a lying header
        // cannot make a tiny file allocate hundreds of megabytes.
        const size_t plausible = remaining.size() / 6 + 1;
        m_values1d.reserve(std::min(m_count1d, plausible) * 3);
        m_values3d.reserve(std::min(m_count3d, plausible) * 3);
        m_inData = true;
    }

    void parseData(std::string_view line)
    {
        if (!m_inData)
            startData(
                std::string_view(line.data(), size_t(m_text.constData() + m_text.size() - line.data())));
        const size_t done = m_values1d.size() / 3 + m_values3d.size() / 3;
        if (done == m_count1d + m_count3d)
            fail(m_line, Text::tr("too many data lines: the header declares %1").arg(m_count1d + m_count3d));

        std::string_view tokens[3];
        const size_t count = splitTokens(withoutComment(line), tokens);
        if (count != 3)
            fail(m_line, Text::tr("expected 3 numbers, got %1").arg(count));
        float v[3];
        for (int c = 0; c < 3; ++c)
            if (const auto error = parseNumber(tokens[c], v[c]))
                fail(m_line, *error);
        std::vector<float>& target = m_values1d.size() < m_count1d * 3 ? m_values1d : m_values3d;
        target.insert(target.end(), v, v + 3);
    }

    CubeLut finish()
    {
        if (!m_inData) {
            if (!m_size1d && !m_size3d)
                fail(m_line, Text::tr("no LUT_1D_SIZE or LUT_3D_SIZE keyword (not a .cube file?)"));
            fail(m_line, Text::tr("the file ends before the data (%1 lines expected)")
                             .arg(m_size1d + size_t(m_size3d) * size_t(m_size3d) * size_t(m_size3d)));
        }
        const size_t done = m_values1d.size() / 3 + m_values3d.size() / 3;
        if (done < m_count1d + m_count3d)
            fail(m_line, Text::tr("the file ends after %1 of %2 data lines (truncated?)")
                             .arg(done)
                             .arg(m_count1d + m_count3d));

        if (m_size1d) {
            Lut1D lut;
            lut.size = m_size1d;
            setDomain(lut.domainMin, lut.domainMax, m_range1d);
            lut.values = std::move(m_values1d);
            m_lut.lut1d = std::move(lut);
        }
        if (m_size3d) {
            Lut3D lut;
            lut.size = m_size3d;
            setDomain(lut.domainMin, lut.domainMax, m_range3d);
            lut.values = std::move(m_values3d);
            m_lut.lut3d = std::move(lut);
        }
        return std::move(m_lut);
    }

    void setDomain(Rgb& min, Rgb& max, const std::optional<std::pair<double, double>>& range) const
    {
        if (range) {
            min = {range->first, range->first, range->first};
            max = {range->second, range->second, range->second};
        } else {
            min = m_domainMin;
            max = m_domainMax;
        }
    }

    const QByteArray& m_text;
    const QString m_source;
    int m_line = 0;
    bool m_inData = false;
    CubeLut m_lut;

    std::optional<Keyword> m_titleSeen, m_size1dSeen, m_size3dSeen, m_domainMinSeen, m_domainMaxSeen,
        m_range1dSeen, m_range3dSeen;
    int m_size1d = 0;
    int m_size3d = 0;
    Rgb m_domainMin{0.0, 0.0, 0.0};
    Rgb m_domainMax{1.0, 1.0, 1.0};
    std::optional<std::pair<double, double>> m_range1d, m_range3d;

    size_t m_count1d = 0;
    size_t m_count3d = 0;
    std::vector<float> m_values1d;
    std::vector<float> m_values3d;
};

// Shortest decimal text that reads back to the same value (std::to_chars round-trip guarantee), in
// fixed notation because some .cube readers do not understand exponents.
template <typename T> void appendNumber(QByteArray& out, T value)
{
    char buffer[512];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    out.append(buffer, result.ptr - buffer);
}

void appendTriple(QByteArray& out, const char* keyword, Rgb v)
{
    out += keyword;
    for (int c = 0; c < 3; ++c) {
        out += ' ';
        appendNumber(out, v[c]);
    }
    out += '\n';
}

bool isUniform(Rgb v)
{
    return v.r == v.g && v.g == v.b;
}
bool isDefaultDomain(Rgb min, Rgb max)
{
    return min == Rgb{0.0, 0.0, 0.0} && max == Rgb{1.0, 1.0, 1.0};
}

void checkTable(const char* what, int size, int minSize, int maxSize, size_t expectedValues,
                size_t actualValues, Rgb min, Rgb max)
{
    if (size < minSize || size > maxSize)
        throw InputError(Text::tr("cannot write the LUT: its %1 has size %2, the format allows %3 to %4")
                             .arg(QLatin1String(what))
                             .arg(size)
                             .arg(minSize)
                             .arg(maxSize));
    if (actualValues != expectedValues)
        throw std::invalid_argument(std::string("CubeFile::serialize: ") + what + " of size " +
                                    std::to_string(size) + " holds " + std::to_string(actualValues) +
                                    " values");
    for (int c = 0; c < 3; ++c)
        if (!(min[c] < max[c]) || !std::isfinite(min[c]) || !std::isfinite(max[c]))
            throw InputError(Text::tr("cannot write the LUT: its %1 domain is empty or not finite")
                                 .arg(QLatin1String(what)));
}

void appendData(QByteArray& out, const std::vector<float>& values, const char* what)
{
    char row[3 * 64 + 1]; // a float in shortest fixed notation takes at most 48 characters
    for (size_t i = 0; i < values.size(); i += 3) {
        char* p = row;
        for (size_t c = 0; c < 3; ++c) {
            const float v = values[i + c];
            if (!std::isfinite(v))
                throw InputError(
                    Text::tr("cannot write the LUT: its %1 holds a value that is not finite (entry %2)")
                        .arg(QLatin1String(what))
                        .arg(i / 3));
            p = std::to_chars(p, row + sizeof row, v, std::chars_format::fixed).ptr;
            *p++ = c < 2 ? ' ' : '\n';
        }
        out.append(row, p - row);
    }
}

} // namespace

CubeLut parse(const QByteArray& text, const QString& sourceName)
{
    return Parser(text, sourceName).run();
}

CubeLut read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(Text::tr("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw InputError(Text::tr("cannot read %1: %2").arg(path, file.errorString()));
    return parse(text, QFileInfo(path).fileName());
}

QByteArray serialize(const CubeLut& lut)
{
    if (lut.isEmpty())
        throw InputError(Text::tr("cannot write the LUT: it has neither a 1D nor a 3D table"));
    const Lut1D* lut1d = lut.lut1d ? &*lut.lut1d : nullptr;
    const Lut3D* lut3d = lut.lut3d ? &*lut.lut3d : nullptr;
    if (lut1d)
        checkTable("1D table", lut1d->size, kMin1DSize, kMax1DSize, size_t(lut1d->size) * 3,
                   lut1d->values.size(), lut1d->domainMin, lut1d->domainMax);
    if (lut3d)
        checkTable("3D table", lut3d->size, kMin3DSize, kMax3DSize,
                   size_t(lut3d->size) * size_t(lut3d->size) * size_t(lut3d->size) * 3, lut3d->values.size(),
                   lut3d->domainMin, lut3d->domainMax);

    QByteArray out;
    out.reserve(qsizetype((lut1d ? lut1d->values.size() : 0) + (lut3d ? lut3d->values.size() : 0)) * 12 +
                256);
    // The title cannot hold quotes or line breaks in this format.
    QString title = lut.title;
    title.replace(QLatin1Char('"'), QLatin1Char('\'')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    title.replace(QLatin1Char('\r'), QLatin1Char(' '));

    if (lut1d && lut3d) {
        // Resolve's dialect, the only one that holds a shaper plus a cube. Its readers (Resolve,
        // OpenColorIO's resolve_cube) reject TITLE and comments after the header, so the title goes
        // into the leading comment and is not read back.
        if (!title.isEmpty())
            out += "# " + title.toUtf8() + '\n';
        out += "# Created by Cinegrade\n";
        const bool uniform = isUniform(lut1d->domainMin) && isUniform(lut1d->domainMax) &&
                             isUniform(lut3d->domainMin) && isUniform(lut3d->domainMax);
        const bool shared = lut1d->domainMin == lut3d->domainMin && lut1d->domainMax == lut3d->domainMax;
        if (!uniform && !shared)
            throw InputError(
                Text::tr("cannot write the LUT: a file with both a 1D and a 3D table holds per-channel "
                         "domains only when both tables share them"));
        out += "LUT_1D_SIZE " + QByteArray::number(lut1d->size) + '\n';
        if (uniform && !isDefaultDomain(lut1d->domainMin, lut1d->domainMax)) {
            out += "LUT_1D_INPUT_RANGE ";
            appendNumber(out, lut1d->domainMin.r);
            out += ' ';
            appendNumber(out, lut1d->domainMax.r);
            out += '\n';
        }
        out += "LUT_3D_SIZE " + QByteArray::number(lut3d->size) + '\n';
        if (uniform && !isDefaultDomain(lut3d->domainMin, lut3d->domainMax)) {
            out += "LUT_3D_INPUT_RANGE ";
            appendNumber(out, lut3d->domainMin.r);
            out += ' ';
            appendNumber(out, lut3d->domainMax.r);
            out += '\n';
        }
        if (!uniform && !isDefaultDomain(lut1d->domainMin, lut1d->domainMax)) {
            appendTriple(out, "DOMAIN_MIN", lut1d->domainMin);
            appendTriple(out, "DOMAIN_MAX", lut1d->domainMax);
        }
    } else {
        // Adobe's dialect. DOMAIN_* follow the size because FFmpeg's lut3d/lut1d filters only look for
        // them after LUT_3D_SIZE / LUT_1D_SIZE.
        if (!title.isEmpty())
            out += "TITLE \"" + title.toUtf8() + "\"\n";
        out += "# Created by Cinegrade\n";
        const Rgb min = lut1d ? lut1d->domainMin : lut3d->domainMin;
        const Rgb max = lut1d ? lut1d->domainMax : lut3d->domainMax;
        out += lut1d ? "LUT_1D_SIZE " + QByteArray::number(lut1d->size) + '\n'
                     : "LUT_3D_SIZE " + QByteArray::number(lut3d->size) + '\n';
        if (!isDefaultDomain(min, max)) {
            appendTriple(out, "DOMAIN_MIN", min);
            appendTriple(out, "DOMAIN_MAX", max);
        }
    }
    out += '\n';
    if (lut1d)
        appendData(out, lut1d->values, "1D table");
    if (lut3d)
        appendData(out, lut3d->values, "3D table");
    return out;
}

void write(const QString& path, const CubeLut& lut)
{
    const QByteArray bytes = serialize(lut);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw InputError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw InputError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace cg::CubeFile
