#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cg {

/// Interleaved RGB sample layouts. 8- and 16-bit are integer code values (full range, 0..max);
/// Float32 is 0..1 nominal and may hold values outside that range.
enum class PixelFormat { Rgb8, Rgb16, RgbF32 };

int bytesPerSample(PixelFormat format);
int bitDepth(PixelFormat format); // 8, 16 or 32

/// A plain, copyable RGB image: three interleaved channels, rows packed without padding.
class Image
{
public:
    Image() = default;
    Image(int width, int height, PixelFormat format);

    int width() const { return m_width; }
    int height() const { return m_height; }
    PixelFormat format() const { return m_format; }
    bool isNull() const { return m_width == 0 || m_height == 0; }
    size_t pixelCount() const { return size_t(m_width) * size_t(m_height); }
    size_t rowBytes() const { return size_t(m_width) * 3 * size_t(bytesPerSample(m_format)); }
    size_t byteCount() const { return m_bytes.size(); }

    uint8_t* bits() { return m_bytes.data(); }
    const uint8_t* bits() const { return m_bytes.data(); }

    template <typename T> T* row(int y) { return reinterpret_cast<T*>(m_bytes.data() + size_t(y) * rowBytes()); }
    template <typename T> const T* row(int y) const
    {
        return reinterpret_cast<const T*>(m_bytes.data() + size_t(y) * rowBytes());
    }

    /// Sample (x, y, channel) as a normalised float, whatever the format.
    float sample(int x, int y, int channel) const;
    /// Write a normalised value, rounding and clamping for integer formats.
    void setSample(int x, int y, int channel, float value);

    /// Convert to another sample format (rounding, clamping to 0..1 for integer formats).
    Image converted(PixelFormat format) const;

    bool operator==(const Image& other) const = default;

private:
    int m_width = 0;
    int m_height = 0;
    PixelFormat m_format = PixelFormat::Rgb8;
    std::vector<uint8_t> m_bytes;
};

} // namespace cg
