#pragma once

#include "Grade.h"
#include "Image.h"
#include "Lut3D.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace cg {

class ColorPipeline;
class GradeProgram;
struct GradeKernel;

/// A grade compiled once, applied to many frames (OpenColorIO's "compile once, apply many"), on all
/// cores. The one evaluation path of the viewer, the scopes, the exporter and the command line.
///
/// The grade's structure (GradeProgram.h) is per-channel primaries, a linear saturation matrix,
/// per-channel curves, then a look. So it compiles to:
///   input shaper (primaries, exact per input code value) -> 3D LUT, tetrahedral -> output curves (1D)
/// Without a look the 3D LUT holds only the saturation matrix, which tetrahedral interpolation
/// reproduces exactly, and the curves go in fine 1D tables; with a look the 3D LUT holds
/// look(curves(saturation)). With a non-identity ColorPipeline both 1D stages are the identity and the
/// 3D LUT holds display(grade(working(input))) over [0,1]^3.
class CompiledGrade
{
public:
    static constexpr int kDefaultSize = 33;
    static constexpr int kExportSize = 65;

    CompiledGrade(); ///< the identity
    explicit CompiledGrade(const Grade& grade, int lutSize = kDefaultSize,
                           std::shared_ptr<const ColorPipeline> pipeline = {});

    const Grade& grade() const { return m_grade; }
    int lutSize() const { return m_lut.size; }

    /// One colour through shaper + LUT (float path), for tests and LUT export.
    Rgb apply(Rgb in) const;
    /// Grade an image in place, any pixel format, multithreaded. Float input is clamped to 0..1.
    void apply(Image& image) const;
    Image applied(const Image& image) const;

    /// For 8-bit video: precompute the graded colour of all 256^3 inputs (48 MiB, ~0.2 s on 2 cores)
    /// so that each frame is a pure table gather. Later 8-bit applies use it.
    void buildFullTable8();
    bool hasFullTable8() const { return m_full8 != nullptr; }

    /// Sample the whole grade on a plain [0,1]^3 lattice (no shaper), the form `.cube` readers expect.
    Lut3D bakeCube(int size) const;

    /// The exact colour (GradeProgram, plus the pipeline's transforms), for LUT export and tests.
    Rgb evaluateExact(Rgb in) const;

private:
    void buildKernel();

    Grade m_grade;
    std::shared_ptr<const GradeProgram> m_program;
    std::shared_ptr<const ColorPipeline> m_pipeline;
    bool m_separable = true; ///< primaries go in the shaper (no colour pipeline in between)
    bool m_identity = true;
    bool m_hasOutputCurves = false;
    Lut3D m_lut; ///< the 3D stage over its domain (the reference for the kernel's lattice)
    std::shared_ptr<const GradeKernel> m_kernel;
    std::shared_ptr<const std::vector<uint8_t>> m_full8; ///< 256^3 RGB, when built
};

} // namespace cg
