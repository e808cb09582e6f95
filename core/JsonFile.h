#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <utility>

namespace cg {

/// What Cinegrade's JSON files (grades, projects) share: parsing with errors that give line and
/// column, validated fields whose errors name the file and the JSON path ("grade.json: \"lift.r\"
/// must be a number"), typo protection against unknown keys, versioning, file paths stored relative
/// to the file's folder, and atomic writes.
namespace JsonFile {

/// Larger files are refused before parsing (someone passed a video as a grade file).
constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

/// Read a whole file; InputError when it cannot be opened or is larger than kMaxFileBytes.
QByteArray readAll(const QString& path);
/// Parse text whose top level must be an object (a UTF-8 byte order mark is skipped).
/// InputError for an empty file, binary data, invalid JSON ("name line 3 column 7: ...") or
/// a top level that is not an object.
QJsonObject parseObject(const QByteArray& text, const QString& sourceName);
/// Write through QSaveFile (temporary file + rename): the old file stays intact on any failure and
/// no partial file is left behind. InputError naming the path when it cannot be written.
void writeAtomically(const QString& path, const QByteArray& data);

/// How a file path is stored: relative to `baseDir` when the file is inside it (so a project folder
/// can be moved as a whole), otherwise as given. Empty paths and an empty `baseDir` leave it as is.
QString storedPath(const QString& path, const QString& baseDir);
/// The inverse: a relative stored path resolved against `baseDir` (the working directory when empty),
/// cleaned; an absolute path is only cleaned; an empty path stays empty.
QString resolvedPath(const QString& stored, const QString& baseDir);

/// "a" + "b" -> "a.b", "" + "b" -> "b": JSON paths for messages.
QString joinPath(const QString& parent, const QString& key);
/// "a" + 3 -> "a[3]".
QString indexPath(const QString& parent, qsizetype index);

/// Inclusive numeric range, or exclusive at the bottom (gamma and gain must stay above 0).
struct Range
{
    double min;
    double max;
    bool minExclusive = false;
};

/// Validating access to the fields of a parsed document. Every error is an InputError of the form
/// `<sourceName>: "<json path>" <problem>`.
class Reader
{
public:
    explicit Reader(QString sourceName) : m_source(std::move(sourceName)) {}
    const QString& sourceName() const { return m_source; }

    [[noreturn]] void fail(const QString& path, const QString& problem) const;

    /// Refuses keys that are not in `allowed` and names the nearest allowed one (typo protection).
    void checkKeys(const QJsonObject& object, const QString& path, const QStringList& allowed) const;
    /// Checks "format" (must equal `tag`) and "version" (a whole number 1..maxVersion; a newer one is
    /// refused with "was written by a newer Cinegrade"). When not `required`, either may be absent.
    void checkFormat(const QJsonObject& object, const QString& path, const QString& tag, int maxVersion,
                     bool required) const;

    QJsonObject toObject(const QJsonValue& value, const QString& path) const;
    QJsonArray toArray(const QJsonValue& value, const QString& path) const;
    QString toString(const QJsonValue& value, const QString& path) const;
    /// A finite number within `range`.
    double toNumber(const QJsonValue& value, const QString& path, Range range) const;
    /// A whole number within [min, max].
    qint64 toInteger(const QJsonValue& value, const QString& path, qint64 min, qint64 max) const;

    /// Optional fields: `target` changes only when `key` is present.
    void read(const QJsonObject& object, const QString& path, const QString& key, double& target,
              Range range) const;
    void read(const QJsonObject& object, const QString& path, const QString& key, qint64& target, qint64 min,
              qint64 max) const;
    void read(const QJsonObject& object, const QString& path, const QString& key, QString& target) const;

private:
    QString m_source;
};

} // namespace JsonFile
} // namespace cg
