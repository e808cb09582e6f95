#pragma once

// Internal to core/: the per-pixel machine of a CompiledGrade, separate so that its vectorised
// variant can be compiled for AVX2 alone and chosen at run time (portable baseline binaries).

#include "Image.h"

#include <cstdint>
#include <vector>

namespace cg {

/// input shaper (per channel: code value -> lattice position) -> tetrahedral 3D LUT -> optional
/// output curves (per channel 1D tables). See CompiledGrade.h for what each stage holds.
struct GradeKernel
{
    int size = 0;                ///< lattice points per axis
    std::vector<float> lattice;  ///< size^3 * 4 floats (RGB + padding, so a vertex is one 16-byte load)
    uint32_t stride[3] = {};     ///< floats per lattice step along R, G, B
    uint32_t offset1[8] = {};    ///< per tetrahedron case (TetrahedralCases.h): second vertex offset
    uint32_t offset2[8] = {};    ///< third vertex offset
    uint32_t diagonal = 0;       ///< offset of the cell's far corner
    std::vector<float> shaper8[3];  ///< lattice position (0..size-1) of each 8-bit code value
    std::vector<float> shaper16[3]; ///< of each 16-bit code value (float input is quantised to 16 bits)

    static constexpr int kCurveSize = 8192;
    bool hasOutputCurves = false;
    std::vector<float> curve[3]; ///< kCurveSize samples of the output curve over [curveMin, curveMax]
    float curveMin[3] = {};
    float curveScale[3] = {}; ///< table steps per unit

    /// Grade rows [yBegin, yEnd) of the image in place (any PixelFormat), with the widest code path
    /// this CPU has.
    void applyRows(Image& image, int yBegin, int yEnd) const;
    /// One colour given as lattice positions, for the per-colour path and table builds.
    void interpolate(float positionR, float positionG, float positionB, float* rgbOut) const;

    // The two implementations behind applyRows; both give the same pixels up to float rounding.
    void applyRowsScalar(Image& image, int yBegin, int yEnd) const;
    void applySpanScalar(Image& image, int y, int xBegin, int xEnd) const; ///< pixels [xBegin, xEnd) of row y
    void applyRowsAvx2(Image& image, int yBegin, int yEnd) const;
    static bool cpuHasAvx2();
};

} // namespace cg
