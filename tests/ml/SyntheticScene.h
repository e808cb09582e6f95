#pragma once

#include "Classifier.h"
#include "Error.h"
#include "Image.h"

#include <cmath>
#include <cstdint>
#include <random>

namespace cg {

/// A synthetic scene with a full tonal range and some colour: sky gradient, ground, patches.
inline Image syntheticScene(int width, int height, uint32_t seed)
{
    Image image(width, height, PixelFormat::Rgb8);
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> noise(-0.03f, 0.03f);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const float u = float(x) / float(width), v = float(y) / float(height);
            float r, g, b;
            if (v < 0.45f) { // sky
                r = 0.35f + 0.4f * v;
                g = 0.55f + 0.3f * v;
                b = 0.85f + 0.1f * v;
            } else { // ground, darker toward the bottom
                r = 0.35f * (1.2f - v) + 0.1f * u;
                g = 0.5f * (1.2f - v);
                b = 0.15f * (1.2f - v);
            }
            if (std::abs(u - 0.3f) < 0.08f && std::abs(v - 0.6f) < 0.1f) { // a red object with a shadow
                r = 0.8f;
                g = 0.12f;
                b = 0.1f;
            }
            if (std::abs(u - 0.7f) < 0.05f && v > 0.5f) { // a dark trunk and a bright sign
                r = g = b = v > 0.8f ? 0.02f : 0.96f;
            }
            image.setSample(x, y, 0, r + noise(random));
            image.setSample(x, y, 1, g + noise(random));
            image.setSample(x, y, 2, b + noise(random));
        }
    return image;
}

/// Whether a model is found where the programs look (ml/models/classifier.pt in a build tree): the tests
/// of its quality run only then; the missing- and corrupt-model tests always run.
inline bool hasShippedModel()
{
    try {
        Classifier::findModel();
        return true;
    } catch (const InputError&) {
        return false;
    }
}

} // namespace cg
