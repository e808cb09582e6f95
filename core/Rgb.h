#pragma once

namespace cg {

/// One RGB triple in double precision: a colour, or a per-channel parameter (R, G, B).
struct Rgb
{
    double r = 0.0;
    double g = 0.0;
    double b = 0.0;

    double& operator[](int c) { return c == 0 ? r : (c == 1 ? g : b); }
    double operator[](int c) const { return c == 0 ? r : (c == 1 ? g : b); }
    bool operator==(const Rgb&) const = default;
};

inline Rgb operator+(Rgb a, Rgb b) { return {a.r + b.r, a.g + b.g, a.b + b.b}; }
inline Rgb operator-(Rgb a, Rgb b) { return {a.r - b.r, a.g - b.g, a.b - b.b}; }
inline Rgb operator*(Rgb a, double s) { return {a.r * s, a.g * s, a.b * s}; }

} // namespace cg
