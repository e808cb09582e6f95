#include "Image.h"

#include <algorithm>
#include <cmath>

namespace cg {

int bytesPerSample(PixelFormat format)
{
    switch (format) {
    case PixelFormat::Rgb8: return 1;
    case PixelFormat::Rgb16: return 2;
    case PixelFormat::RgbF32: return 4;
    }
    return 1;
}

int bitDepth(PixelFormat format)
{
    return bytesPerSample(format) * 8;
}

Image::Image(int width, int height, PixelFormat format)
    : m_width(std::max(0, width)), m_height(std::max(0, height)), m_format(format),
      m_bytes(size_t(m_width) * size_t(m_height) * 3 * size_t(bytesPerSample(format)))
{
}

float Image::sample(int x, int y, int channel) const
{
    const size_t index = size_t(x) * 3 + size_t(channel);
    switch (m_format) {
    case PixelFormat::Rgb8: return row<uint8_t>(y)[index] / 255.0f;
    case PixelFormat::Rgb16: return row<uint16_t>(y)[index] / 65535.0f;
    case PixelFormat::RgbF32: return row<float>(y)[index];
    }
    return 0.0f;
}

void Image::setSample(int x, int y, int channel, float value)
{
    const size_t index = size_t(x) * 3 + size_t(channel);
    switch (m_format) {
    case PixelFormat::Rgb8:
        row<uint8_t>(y)[index] = uint8_t(std::lround(std::clamp(value, 0.0f, 1.0f) * 255.0f));
        break;
    case PixelFormat::Rgb16:
        row<uint16_t>(y)[index] = uint16_t(std::lround(std::clamp(value, 0.0f, 1.0f) * 65535.0f));
        break;
    case PixelFormat::RgbF32: row<float>(y)[index] = value; break;
    }
}

Image Image::converted(PixelFormat format) const
{
    if (format == m_format)
        return *this;
    Image out(m_width, m_height, format);
    for (int y = 0; y < m_height; ++y)
        for (int x = 0; x < m_width; ++x)
            for (int c = 0; c < 3; ++c)
                out.setSample(x, y, c, sample(x, y, c));
    return out;
}

} // namespace cg
