#pragma once

#include "ColorPipeline.h"
#include "Grade.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace cg {

/// One clip of a project: its media, its grade and its colour settings.
struct Clip
{
    QString mediaPath;          ///< absolute, or relative to the project file's folder
    QString name;               ///< shown in the timeline; defaults to the file name
    QString inputColorSpace;    ///< OCIO input space; empty = the project's working space
    Grade grade;
    qint64 inFrame = -1;        ///< -1 = start of media
    qint64 outFrame = -1;       ///< -1 = end of media (inclusive)
    bool operator==(const Clip&) const = default;
};

/// A grading project: clips and colour management. Saved as versioned JSON (`.cgproj`).
struct Project
{
    static constexpr int kFormatVersion = 1;

    QString name;
    ColorPipelineOptions color; ///< project-wide config, working space, display/view
    std::vector<Clip> clips;
    bool operator==(const Project&) const = default;
};

namespace ProjectFile {
/// JSON text (UTF-8, indented). Media and look paths are stored relative to `projectDir` when inside it.
QByteArray serialize(const Project& project, const QString& projectDir);
/// Parse and validate: format tag, version (a newer version is refused with a clear message), types
/// and ranges of every field. Throws InputError naming the file and the field.
Project parse(const QByteArray& json, const QString& sourceName, const QString& projectDir);
Project read(const QString& path);
/// Atomic write (temporary file + rename).
void write(const QString& path, const Project& project);
} // namespace ProjectFile

} // namespace cg
