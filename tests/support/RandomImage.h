#pragma once

#include "Image.h"

#include <random>

namespace cg {

/// An image of uniformly random samples (0..1 code values, rounded to the format), the same for a
/// given seed: the worst case for a LUT (every lattice cell visited) and for compression.
inline Image randomImage(PixelFormat format, int width, int height, unsigned seed)
{
    Image image(width, height, format);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c)
                image.setSample(x, y, c, u(rng));
    return image;
}

} // namespace cg
