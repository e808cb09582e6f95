#pragma once

#include "Grade.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace cg {

/// Grades as JSON: {"format": "cinegrade-grade", "version": 1, "exposure": 0.5, "lift": {"master": 0,
/// "r": 0, "g": 0, "b": 0}, ..., "curves": {"master": [[0,0],[1,1]], ...}, "look": "film.cube"}.
/// Missing controls keep their defaults; wrong types, out-of-range values, unknown keys and a newer
/// version throw InputError naming the file and the field.
namespace GradeJson {

constexpr int kFormatVersion = 1;

QJsonObject toJson(const Grade& grade, const QString& baseDir);
/// `baseDir` resolves a relative look path; the look file is read (InputError if it cannot be).
/// `jsonPath` is where the object sits in its file ("clips[2].grade"), for error messages.
Grade fromJson(const QJsonObject& json, const QString& sourceName, const QString& baseDir,
               const QString& jsonPath = {});

QByteArray serialize(const Grade& grade, const QString& baseDir);
Grade parse(const QByteArray& text, const QString& sourceName, const QString& baseDir);
Grade read(const QString& path);
void write(const QString& path, const Grade& grade);

} // namespace GradeJson
} // namespace cg
