#include "ImageConversion.h"

#include <cstring>

namespace cg::ImageConversion {

QImage toQImage(const Image& image)
{
    if (image.isNull())
        return {};
    const Image eight = image.format() == PixelFormat::Rgb8 ? Image() : image.converted(PixelFormat::Rgb8);
    const Image& src = image.format() == PixelFormat::Rgb8 ? image : eight;
    // 32-bit pixels (0xffRRGGBB): QPainter draws these without converting them first, a few times
    // faster than packed 24-bit RGB when the viewer scales the picture.
    QImage out(src.width(), src.height(), QImage::Format_RGB32);
    for (int y = 0; y < src.height(); ++y) {
        const uint8_t* in = src.row<uint8_t>(y);
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < src.width(); ++x, in += 3)
            line[x] = 0xff000000u | (QRgb(in[0]) << 16) | (QRgb(in[1]) << 8) | QRgb(in[2]);
    }
    return out;
}

Image fromQImage(const QImage& image)
{
    if (image.isNull())
        return {};
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    Image out(rgb.width(), rgb.height(), PixelFormat::Rgb8);
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(out.row<uint8_t>(y), rgb.constScanLine(y), out.rowBytes());
    return out;
}

} // namespace cg::ImageConversion
