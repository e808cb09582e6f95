#include "CdlFile.h"

#include "Error.h"
#include "GradeProgram.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <charconv>
#include <cmath>

// ASC Color Decision List, v1.2 (American Society of Cinematographers, 2009). Reading accepts the three
// documents the ASC defines (.cdl ColorDecisionList, .ccc ColorCorrectionCollection, .cc a lone
// ColorCorrection) in any namespace (v1.01, v1.2 or none). Element names are matched ignoring case,
// because widely used tools write "SATNode" where the specification says "SatNode". Elements the
// format allows but Cinegrade has no place for (InputDescription, ViewingDescription, MediaRef, ...)
// are skipped; ColorCorrectionRef is refused, since resolving it needs another file. Description
// elements of a correction (also those inside its SOPNode/SatNode) are kept, one line each, in
// Cdl::description, and written back as one Description element per line.

namespace cg {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cg::CdlFile)
};

const QString kNamespace = QStringLiteral("urn:ASC:CDL:v1.2");

bool is(QStringView name, const char* expected)
{
    return name.compare(QLatin1String(expected), Qt::CaseInsensitive) == 0;
}

class Reader
{
public:
    Reader(const QByteArray& xml, const QString& sourceName) : m_bytes(xml), m_xml(xml), m_source(sourceName)
    {
    }

    std::vector<Cdl> run()
    {
        if (m_bytes.trimmed().isEmpty())
            throw InputError(Text::tr("%1 line 1: the file is empty").arg(m_source));
        if (!m_xml.readNextStartElement()) {
            checkXml();
            fail(Text::tr("no XML element found"));
        }
        const QString root = m_xml.name().toString();
        if (is(root, "ColorCorrection")) {
            m_out.push_back(readCorrection());
        } else if (is(root, "ColorCorrectionCollection")) {
            readCollection();
        } else if (is(root, "ColorDecisionList")) {
            readDecisionList();
        } else {
            fail(Text::tr("<%1> is not an ASC CDL document (expected <ColorDecisionList>, "
                          "<ColorCorrectionCollection> or <ColorCorrection>)")
                     .arg(root));
        }
        // Read to the end so that junk after the root element is reported too.
        while (!m_xml.atEnd())
            m_xml.readNext();
        checkXml();
        if (m_out.empty())
            fail(Text::tr("<%1> holds no <ColorCorrection>").arg(root));
        return std::move(m_out);
    }

private:
    [[noreturn]] void fail(const QString& what) const
    {
        throw InputError(Text::tr("%1 line %2: %3").arg(m_source).arg(m_xml.lineNumber()).arg(what));
    }

    void checkXml() const
    {
        if (m_xml.hasError())
            fail(Text::tr("malformed XML: %1").arg(m_xml.errorString()));
    }

    /// Called for each child element, so that a reference anywhere is refused the same way.
    void refuseReference() const
    {
        if (is(m_xml.name(), "ColorCorrectionRef"))
            fail(Text::tr(
                "<ColorCorrectionRef> (a reference to a correction in another file) is not supported; "
                "use a file that contains the <ColorCorrection> itself"));
    }

    void readCollection()
    {
        while (m_xml.readNextStartElement()) {
            refuseReference();
            if (is(m_xml.name(), "ColorCorrection"))
                m_out.push_back(readCorrection());
            else
                m_xml.skipCurrentElement();
        }
        checkXml();
    }

    void readDecisionList()
    {
        while (m_xml.readNextStartElement()) {
            if (is(m_xml.name(), "ColorDecision"))
                readCollection(); // a ColorDecision holds its ColorCorrection like a collection does
            else
                m_xml.skipCurrentElement();
        }
        checkXml();
    }

    QString readText()
    {
        const QString text = m_xml.readElementText();
        checkXml();
        return text;
    }

    Cdl readCorrection()
    {
        Cdl cdl;
        cdl.id = m_xml.attributes().value(QLatin1String("id")).toString();
        QStringList descriptions;
        bool sop = false, sat = false;
        while (m_xml.readNextStartElement()) {
            refuseReference();
            const QStringView name = m_xml.name();
            if (is(name, "Description")) {
                descriptions << readText();
            } else if (is(name, "SOPNode")) {
                if (sop)
                    fail(Text::tr("<ColorCorrection> has more than one <SOPNode>"));
                sop = true;
                readSop(cdl, descriptions);
            } else if (is(name, "SatNode")) {
                if (sat)
                    fail(Text::tr("<ColorCorrection> has more than one <SatNode>"));
                sat = true;
                readSat(cdl, descriptions);
            } else {
                m_xml.skipCurrentElement();
            }
        }
        checkXml();
        // A missing SOPNode or SatNode means the identity for its part (the defaults of Cdl).
        cdl.description = descriptions.join(QLatin1Char('\n'));
        return cdl;
    }

    void readSop(Cdl& cdl, QStringList& descriptions)
    {
        bool slope = false, offset = false, power = false;
        while (m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (is(name, "Description")) {
                descriptions << readText();
            } else if (is(name, "Slope")) {
                once(slope, "Slope");
                cdl.slope = readTriple("Slope");
                for (int c = 0; c < 3; ++c)
                    if (cdl.slope[c] < 0.0)
                        fail(Text::tr("<Slope> values must not be negative, got %1").arg(cdl.slope[c]));
            } else if (is(name, "Offset")) {
                once(offset, "Offset");
                cdl.offset = readTriple("Offset");
            } else if (is(name, "Power")) {
                once(power, "Power");
                cdl.power = readTriple("Power");
                for (int c = 0; c < 3; ++c)
                    if (!(cdl.power[c] > 0.0))
                        fail(Text::tr("<Power> values must be greater than 0, got %1").arg(cdl.power[c]));
            } else {
                m_xml.skipCurrentElement();
            }
        }
        checkXml();
    }

    void readSat(Cdl& cdl, QStringList& descriptions)
    {
        bool saturation = false;
        while (m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (is(name, "Description")) {
                descriptions << readText();
            } else if (is(name, "Saturation")) {
                once(saturation, "Saturation");
                const std::vector<double> v = readNumbers("Saturation", 1);
                if (v[0] < 0.0)
                    fail(Text::tr("<Saturation> must not be negative, got %1").arg(v[0]));
                cdl.saturation = v[0];
            } else {
                m_xml.skipCurrentElement();
            }
        }
        checkXml();
    }

    void once(bool& seen, const char* element) const
    {
        if (seen)
            fail(Text::tr("<%1> is given twice").arg(QLatin1String(element)));
        seen = true;
    }

    Rgb readTriple(const char* element)
    {
        const std::vector<double> v = readNumbers(element, 3);
        return {v[0], v[1], v[2]};
    }

    std::vector<double> readNumbers(const char* element, size_t count)
    {
        const QStringList words = readText().simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (size_t(words.size()) != count)
            fail(Text::tr("<%1> needs %2 number(s), got %3 value(s)")
                     .arg(QLatin1String(element))
                     .arg(count)
                     .arg(words.size()));
        std::vector<double> out;
        for (const QString& word : words) {
            const QByteArray bytes = word.toUtf8();
            const char* b = bytes.constData();
            const char* e = b + bytes.size();
            if (b != e && *b == '+' && b + 1 != e && b[1] != '-' && b[1] != '+')
                ++b; // std::from_chars rejects a leading '+'
            double value = 0.0;
            const auto [ptr, ec] = std::from_chars(b, e, value);
            if (ec != std::errc() || ptr != e || !std::isfinite(value))
                fail(
                    Text::tr("<%1>: '%2' is not a finite number").arg(QLatin1String(element), word.left(40)));
            out.push_back(value);
        }
        return out;
    }

    const QByteArray& m_bytes;
    QXmlStreamReader m_xml;
    QString m_source;
    std::vector<Cdl> m_out;
};

QString number(double value)
{
    // Shortest text that reads back to the same double (std::to_chars round-trip guarantee).
    char buffer[512];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

QString numbers(Rgb v)
{
    return number(v.r) + QLatin1Char(' ') + number(v.g) + QLatin1Char(' ') + number(v.b);
}

void writeCorrection(QXmlStreamWriter& w, const Cdl& cdl)
{
    w.writeStartElement(QStringLiteral("ColorCorrection"));
    if (!cdl.id.isEmpty())
        w.writeAttribute(QStringLiteral("id"), cdl.id);
    if (!cdl.description.isEmpty())
        for (const QString& line : cdl.description.split(QLatin1Char('\n')))
            w.writeTextElement(QStringLiteral("Description"), line);
    w.writeStartElement(QStringLiteral("SOPNode"));
    w.writeTextElement(QStringLiteral("Slope"), numbers(cdl.slope));
    w.writeTextElement(QStringLiteral("Offset"), numbers(cdl.offset));
    w.writeTextElement(QStringLiteral("Power"), numbers(cdl.power));
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("SatNode"));
    w.writeTextElement(QStringLiteral("Saturation"), number(cdl.saturation));
    w.writeEndElement();
    w.writeEndElement();
}

void checkWritable(const Cdl& cdl)
{
    for (int c = 0; c < 3; ++c)
        if (!std::isfinite(cdl.slope[c]) || !std::isfinite(cdl.offset[c]) || !std::isfinite(cdl.power[c]) ||
            cdl.slope[c] < 0.0 || !(cdl.power[c] > 0.0))
            throw InputError(
                Text::tr("cannot write the CDL \"%1\": slope must be >= 0, power > 0, all finite")
                    .arg(cdl.id));
    if (!std::isfinite(cdl.saturation) || cdl.saturation < 0.0)
        throw InputError(
            Text::tr("cannot write the CDL \"%1\": saturation must be finite and >= 0").arg(cdl.id));
}

double clamp01(double v)
{
    return std::clamp(v, 0.0, 1.0);
}

} // namespace

Rgb Cdl::apply(Rgb in) const
{
    // ASC CDL v1.2: out = clamp(in * slope + offset)^power, then saturation around Rec.709 luma
    // (0.2126, 0.7152, 0.0722), then clamp again.
    Rgb v;
    for (int c = 0; c < 3; ++c)
        v[c] = std::pow(clamp01(in[c] * slope[c] + offset[c]), power[c]);
    const double luma = 0.2126 * v.r + 0.7152 * v.g + 0.0722 * v.b;
    for (int c = 0; c < 3; ++c)
        v[c] = clamp01(luma + saturation * (v[c] - luma));
    return v;
}

namespace CdlFile {

std::vector<Cdl> parse(const QByteArray& xml, const QString& sourceName)
{
    return Reader(xml, sourceName).run();
}

std::vector<Cdl> read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(Text::tr("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw InputError(Text::tr("cannot read %1: %2").arg(path, file.errorString()));
    return parse(bytes, QFileInfo(path).fileName());
}

Flavor flavorForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("cc"))
        return Flavor::Cc;
    if (suffix == QLatin1String("ccc"))
        return Flavor::Ccc;
    return Flavor::Cdl; // .cdl, and the richest document for anything else
}

QByteArray serialize(const std::vector<Cdl>& cdls, Flavor flavor)
{
    if (cdls.empty())
        throw InputError(Text::tr("cannot write a CDL file without a colour correction"));
    if (flavor == Flavor::Cc && cdls.size() != 1)
        throw InputError(Text::tr("a .cc file holds exactly one colour correction, not %1").arg(cdls.size()));
    for (const Cdl& cdl : cdls)
        checkWritable(cdl);

    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    switch (flavor) {
    case Flavor::Cc:
        w.writeDefaultNamespace(kNamespace);
        writeCorrection(w, cdls.front());
        break;
    case Flavor::Ccc:
        w.writeDefaultNamespace(kNamespace);
        w.writeStartElement(QStringLiteral("ColorCorrectionCollection"));
        for (const Cdl& cdl : cdls)
            writeCorrection(w, cdl);
        w.writeEndElement();
        break;
    case Flavor::Cdl:
        w.writeDefaultNamespace(kNamespace);
        w.writeStartElement(QStringLiteral("ColorDecisionList"));
        for (const Cdl& cdl : cdls) {
            w.writeStartElement(QStringLiteral("ColorDecision"));
            writeCorrection(w, cdl);
            w.writeEndElement();
        }
        w.writeEndElement();
        break;
    }
    w.writeEndDocument();
    return out;
}

void write(const QString& path, const std::vector<Cdl>& cdls)
{
    const QByteArray bytes = serialize(cdls, flavorForPath(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw InputError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw InputError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace CdlFile

Grade gradeWithCdl(Grade base, const Cdl& cdl)
{
    // GradeProgram's primaries are v = x * gain * (1 - lift) + gain * lift + offset, then
    // v^(1 / gamma): with lift = 0 they are exactly the CDL's slope, offset and power. Lift is therefore
    // reset with the other three wheels (the four together are what the CDL replaces); exposure, white
    // balance, contrast, curves and the look of `base` stay. A value shared by all channels goes to the
    // wheel's master so the grade panel shows it as one move.
    auto wheel = [](Rgb v, double neutral, bool multiplies) {
        if (v.r == v.g && v.g == v.b)
            return Wheel{v.r, {neutral, neutral, neutral}};
        return Wheel{multiplies ? 1.0 : 0.0, v};
    };
    base.lift = Wheel{0.0, {0.0, 0.0, 0.0}};
    base.gain = wheel(cdl.slope, 1.0, true);
    base.offset = wheel(cdl.offset, 0.0, false);
    base.gamma = wheel(Rgb{1.0 / cdl.power.r, 1.0 / cdl.power.g, 1.0 / cdl.power.b}, 1.0, true);
    base.saturation = cdl.saturation;
    return base;
}

CdlFromGrade cdlFromGrade(const Grade& grade)
{
    // Stage 1 of GradeProgram: x *= k_c, v = x * gain_c * (1 - lift_c) + gain_c * lift_c + offset_c,
    // v^(1 / gamma_c), where k_c = 2^(exposure / 2.4) * wb_c^(1 / 2.4) is the code-value gain of the
    // linear-light exposure and white balance (BT.1886 pure 2.4 power). Hence
    //   slope = k * gain * (1 - lift), offset = gain * lift + offset, power = 1 / gamma.
    CdlFromGrade result;
    const Rgb wb = GradeProgram::whiteBalanceLinearGains(grade.temperature, grade.tint);
    const Rgb lift = grade.effectiveLift();
    const Rgb gain = grade.effectiveGain();
    const Rgb gamma = grade.effectiveGamma();
    const Rgb offset = grade.effectiveOffset();
    bool negativeSlope = false, badPower = false;
    for (int c = 0; c < 3; ++c) {
        const double k = std::exp2(grade.exposure / 2.4) * std::pow(wb[c], 1.0 / 2.4);
        result.cdl.slope[c] = k * gain[c] * (1.0 - lift[c]);
        result.cdl.offset[c] = gain[c] * lift[c] + offset[c];
        result.cdl.power[c] = 1.0 / gamma[c];
        negativeSlope |= result.cdl.slope[c] < 0.0;
        badPower |= !(gamma[c] > 0.0) || !std::isfinite(result.cdl.power[c]);
    }
    result.cdl.saturation = grade.saturation;

    if (negativeSlope)
        result.notExpressed << QStringLiteral("negative slope");
    if (badPower)
        result.notExpressed << QStringLiteral("gamma at or below zero");
    if (grade.saturation < 0.0)
        result.notExpressed << QStringLiteral("negative saturation");
    if (grade.contrast != 1.0)
        result.notExpressed << QStringLiteral("contrast");
    if (!grade.curves.isIdentity())
        result.notExpressed << QStringLiteral("curves");
    if (!grade.look.isEmpty())
        result.notExpressed << QStringLiteral("look LUT");
    return result;
}

} // namespace cg
