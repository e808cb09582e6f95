#pragma once

#include "Image.h"
#include "Rgb.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace cg {

/// What a colorist chooses about colour management, a plain value (stored per project and per clip).
/// Empty strings mean "the default": the built-in config, and the grading space equal to the input
/// (display-referred Rec.709 code values, no conversion).
struct ColorPipelineOptions
{
    QString configPath;      ///< an OCIO config file; empty = the built-in default config
    QString inputSpace;      ///< colour space of the clip, e.g. "ARRI LogC3 (AWG)"; empty = working
    QString workingSpace;    ///< grading space, e.g. "ACEScct"; empty = "Rec.709"
    QString display;         ///< empty = the config's default display
    QString view;            ///< empty = the display's default view
    bool operator==(const ColorPipelineOptions&) const = default;
};

/// An OpenColorIO pipeline compiled once (OCIO's "compile once, apply many"): input -> working space
/// (where the grade happens) and working -> display/view. Per-colour apply is for baking LUTs; frames
/// go through the baked LUT of a CompiledGrade.
class ColorPipeline
{
public:
    /// Throws InputError when the config cannot be read or a space, display or view is unknown.
    explicit ColorPipeline(const ColorPipelineOptions& options = {});
    ~ColorPipeline();
    ColorPipeline(ColorPipeline&&) noexcept;
    ColorPipeline& operator=(ColorPipeline&&) noexcept;

    const ColorPipelineOptions& options() const;
    /// True when both transforms are no-ops (the default: grade directly on Rec.709 code values).
    bool isIdentity() const;
    Rgb toWorking(Rgb input) const;
    Rgb toDisplay(Rgb working) const;

    QStringList colorSpaces() const;
    QStringList displays() const;
    QStringList views(const QString& display) const;

    /// The built-in config (shipped as a Qt resource) as text.
    static QByteArray builtinConfigText();

    /// Apply a `.cube` (or any file OCIO reads) in place with OCIO's FileTransform (best
    /// interpolation) through OCIO's optimised CPU processor on the packed image (8-bit, 16-bit or
    /// float). The peer our LUT files and our LUT apply are checked and benchmarked against.
    static void applyFileTransform(const QString& lutPath, Image& image);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cg
