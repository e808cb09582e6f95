#include "ImageConversion.h"

#include <cstring>

namespace cg::ImageConversion {

QImage toQImage(const Image& image)
{
    if (image.isNull())
        return {};
    const Image eight = image.format() == PixelFormat::Rgb8 ? Image() : image.converted(PixelFormat::Rgb8);
    const Image& src = image.format() == PixelFormat::Rgb8 ? image : eight;
    QImage out(src.width(), src.height(), QImage::Format_RGB888);
    for (int y = 0; y < src.height(); ++y)
        std::memcpy(out.scanLine(y), src.row<uint8_t>(y), src.rowBytes());
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
