#include "JsonFile.h"

#include "Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace cg::JsonFile {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cg::JsonFile)
};

QString formatNumber(double value)
{
    return QString::number(value, 'g', 12);
}

QString describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return Text::tr("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return Text::tr("the number %1").arg(formatNumber(value.toDouble()));
    case QJsonValue::String:
        return Text::tr("a string");
    case QJsonValue::Array:
        return Text::tr("an array");
    case QJsonValue::Object:
        return Text::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return Text::tr("nothing");
}

/// Levenshtein distance, case-insensitive: finds the key a typo was meant to be.
qsizetype editDistance(const QString& a, const QString& b)
{
    const QString x = a.toLower();
    const QString y = b.toLower();
    std::vector<qsizetype> row(size_t(y.size()) + 1);
    for (qsizetype j = 0; j <= y.size(); ++j)
        row[size_t(j)] = j;
    for (qsizetype i = 1; i <= x.size(); ++i) {
        qsizetype diagonal = row[0];
        row[0] = i;
        for (qsizetype j = 1; j <= y.size(); ++j) {
            const qsizetype above = row[size_t(j)];
            const qsizetype substitution = diagonal + (x[i - 1] == y[j - 1] ? 0 : 1);
            row[size_t(j)] = std::min({above + 1, row[size_t(j) - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[size_t(y.size())];
}

} // namespace

QByteArray readAll(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        throw InputError(Text::tr("%1: is a folder, not a file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(Text::tr("%1: cannot open (%2)").arg(path, file.errorString()));
    if (file.size() > kMaxFileBytes)
        throw InputError(Text::tr("%1: too large for a Cinegrade JSON file (%2 MB)")
                             .arg(path)
                             .arg(file.size() / (1024 * 1024)));
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw InputError(Text::tr("%1: cannot read (%2)").arg(path, file.errorString()));
    return data;
}

QJsonObject parseObject(const QByteArray& raw, const QString& sourceName)
{
    // RFC 8259 §8.1 forbids a byte order mark but allows parsers to ignore one; editors on Windows
    // write it.
    const QByteArray text = raw.startsWith("\xEF\xBB\xBF") ? raw.mid(3) : raw;
    if (text.trimmed().isEmpty())
        throw InputError(Text::tr("%1: the file is empty; expected a JSON object").arg(sourceName));
    if (text.contains('\0'))
        throw InputError(Text::tr("%1: not a JSON text file (it contains binary data)").arg(sourceName));

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype offset = std::clamp<qsizetype>(error.offset, 0, text.size());
        const QByteArray before = text.left(offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
        throw InputError(Text::tr("%1 line %2 column %3: invalid JSON (%4, at byte %5)")
                             .arg(sourceName)
                             .arg(line)
                             .arg(column)
                             .arg(error.errorString())
                             .arg(offset));
    }
    if (!document.isObject())
        throw InputError(
            Text::tr("%1: expected a JSON object at the top level, found %2")
                .arg(sourceName, document.isArray() ? Text::tr("an array") : Text::tr("a value")));
    return document.object();
}

void writeAtomically(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw InputError(Text::tr("%1: cannot write (%2)").arg(path, file.errorString()));
    if (file.write(data) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        throw InputError(Text::tr("%1: cannot write (%2)").arg(path, reason));
    }
    if (!file.commit())
        throw InputError(Text::tr("%1: cannot write (%2)").arg(path, file.errorString()));
}

QString storedPath(const QString& path, const QString& baseDir)
{
    if (path.isEmpty() || baseDir.isEmpty() || QDir::isRelativePath(path))
        return path;
    const QDir base(QDir::cleanPath(QDir(baseDir).absolutePath()));
    const QString relative = base.relativeFilePath(QDir::cleanPath(path));
    const bool outside = relative.isEmpty() || relative == QLatin1String(".") ||
                         relative == QLatin1String("..") || relative.startsWith(QLatin1String("../")) ||
                         QDir::isAbsolutePath(relative);
    return outside ? path : relative;
}

QString resolvedPath(const QString& stored, const QString& baseDir)
{
    if (stored.isEmpty())
        return {};
    if (QDir::isAbsolutePath(stored))
        return QDir::cleanPath(stored);
    const QDir base = baseDir.isEmpty() ? QDir::current() : QDir(baseDir);
    return QDir::cleanPath(base.absoluteFilePath(stored));
}

QString joinPath(const QString& parent, const QString& key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString indexPath(const QString& parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

void Reader::fail(const QString& path, const QString& problem) const
{
    throw InputError(QStringLiteral("%1: \"%2\" %3").arg(m_source, path, problem));
}

void Reader::checkKeys(const QJsonObject& object, const QString& path, const QStringList& allowed) const
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (allowed.contains(it.key()))
            continue;
        // A typo is at most two edits away and changes less than half of the key ("foo" is not a
        // typo of "look", "red" not one of "r").
        QString nearest;
        qsizetype best = 3;
        for (const QString& candidate : allowed) {
            const qsizetype distance = editDistance(it.key(), candidate);
            if (distance < best && 2 * distance < candidate.size()) {
                best = distance;
                nearest = candidate;
            }
        }
        const QString where = joinPath(path, it.key());
        if (nearest.isEmpty())
            throw InputError(Text::tr("%1: unknown key \"%2\" (known keys here: %3)")
                                 .arg(m_source, where, allowed.join(QLatin1String(", "))));
        throw InputError(
            Text::tr("%1: unknown key \"%2\" (did you mean \"%3\"?)").arg(m_source, where, nearest));
    }
}

void Reader::checkFormat(const QJsonObject& object, const QString& path, const QString& tag, int maxVersion,
                         bool required) const
{
    const QString formatPath = joinPath(path, QStringLiteral("format"));
    if (object.contains(QLatin1String("format"))) {
        const QString found = toString(object.value(QLatin1String("format")), formatPath);
        if (found != tag)
            fail(formatPath, Text::tr("is \"%1\", expected \"%2\"").arg(found, tag));
    } else if (required) {
        fail(formatPath, Text::tr("is missing (expected \"%1\"); is this a Cinegrade file?").arg(tag));
    }

    const QString versionPath = joinPath(path, QStringLiteral("version"));
    if (!object.contains(QLatin1String("version"))) {
        if (required)
            fail(versionPath, Text::tr("is missing"));
        return;
    }
    const QJsonValue value = object.value(QLatin1String("version"));
    if (!value.isDouble())
        fail(versionPath, Text::tr("must be a number, not %1").arg(describe(value)));
    const double version = value.toDouble();
    if (!(version >= 1.0) || version != std::floor(version) || !std::isfinite(version))
        fail(versionPath, Text::tr("must be a whole number of 1 or more, not %1").arg(formatNumber(version)));
    if (version > maxVersion) {
        const QString where = path.isEmpty() ? m_source : QStringLiteral("%1: \"%2\"").arg(m_source, path);
        throw InputError(Text::tr("%1 was written by a newer Cinegrade (version %2); this one reads up to %3")
                             .arg(where, formatNumber(version))
                             .arg(maxVersion));
    }
}

QJsonObject Reader::toObject(const QJsonValue& value, const QString& path) const
{
    if (!value.isObject())
        fail(path, Text::tr("must be an object, not %1").arg(describe(value)));
    return value.toObject();
}

QJsonArray Reader::toArray(const QJsonValue& value, const QString& path) const
{
    if (!value.isArray())
        fail(path, Text::tr("must be an array, not %1").arg(describe(value)));
    return value.toArray();
}

QString Reader::toString(const QJsonValue& value, const QString& path) const
{
    if (!value.isString())
        fail(path, Text::tr("must be a string, not %1").arg(describe(value)));
    return value.toString();
}

double Reader::toNumber(const QJsonValue& value, const QString& path, Range range) const
{
    if (!value.isDouble())
        fail(path, Text::tr("must be a number, not %1").arg(describe(value)));
    const double number = value.toDouble();
    if (!std::isfinite(number))
        fail(path, Text::tr("must be a finite number"));
    const bool aboveMin = range.minExclusive ? number > range.min : number >= range.min;
    if (!aboveMin || number > range.max) {
        if (range.minExclusive)
            fail(path, Text::tr("must be greater than %1 and at most %2, not %3")
                           .arg(formatNumber(range.min), formatNumber(range.max), formatNumber(number)));
        fail(path, Text::tr("must be between %1 and %2, not %3")
                       .arg(formatNumber(range.min), formatNumber(range.max), formatNumber(number)));
    }
    return number;
}

qint64 Reader::toInteger(const QJsonValue& value, const QString& path, qint64 min, qint64 max) const
{
    const double number =
        toNumber(value, path, {-std::numeric_limits<double>::max(), std::numeric_limits<double>::max()});
    if (number != std::floor(number) || number < double(min) || number > double(max))
        fail(path, Text::tr("must be a whole number from %1 to %2, not %3")
                       .arg(min)
                       .arg(max)
                       .arg(formatNumber(number)));
    return qint64(number);
}

void Reader::read(const QJsonObject& object, const QString& path, const QString& key, double& target,
                  Range range) const
{
    const auto it = object.constFind(key);
    if (it != object.constEnd())
        target = toNumber(*it, joinPath(path, key), range);
}

void Reader::read(const QJsonObject& object, const QString& path, const QString& key, qint64& target,
                  qint64 min, qint64 max) const
{
    const auto it = object.constFind(key);
    if (it != object.constEnd())
        target = toInteger(*it, joinPath(path, key), min, max);
}

void Reader::read(const QJsonObject& object, const QString& path, const QString& key, QString& target) const
{
    const auto it = object.constFind(key);
    if (it != object.constEnd())
        target = toString(*it, joinPath(path, key));
}

} // namespace cg::JsonFile
