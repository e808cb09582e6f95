#include "ClipMedia.h"

#include "Error.h"
#include "FrameSource.h"
#include "StillImage.h"

#include <QFileInfo>

#include <algorithm>

namespace cg {

ClipMedia::ClipMedia(const QString& path) : m_path(QFileInfo(path).absoluteFilePath())
{
    if (!QFileInfo::exists(m_path))
        throw InputError(QStringLiteral("%1: the file does not exist").arg(m_path));
    m_info = probeMedia(m_path);
    if (!m_info.video)
        throw InputError(QStringLiteral("%1: no picture in this file").arg(m_path));
    if (m_info.isStill || m_info.video->frameCount <= 1) {
        // A single picture: decoded once, completely, here (stills keep 16-bit depth through
        // StillImage; the cost is one image, like opening it in any viewer).
        m_still = std::make_shared<const Image>(StillImage::read(m_path));
    } else {
        // The cache holds about two seconds of 1080p at 8 bits; read-ahead is clamped to it.
        m_source = std::make_unique<FrameSource>(m_path, size_t(384) << 20);
    }
}

ClipMedia::~ClipMedia() = default;

qint64 ClipMedia::frameCount() const
{
    return m_source ? m_source->frameCount() : 1;
}

double ClipMedia::frameRate() const
{
    return m_source ? m_info.video->frameRate.value() : 0.0;
}

Rational ClipMedia::frameRateRational() const
{
    return m_source ? m_info.video->frameRate : Rational{0, 1};
}

int ClipMedia::width() const
{
    return m_still ? m_still->width() : m_info.video->width;
}

int ClipMedia::height() const
{
    return m_still ? m_still->height() : m_info.video->height;
}

int ClipMedia::bitDepth() const
{
    if (m_still)
        return m_still->format() == PixelFormat::Rgb8 ? 8 : 16;
    return m_info.video->bitDepth;
}

Image ClipMedia::frame(qint64 index) const
{
    if (m_still)
        return *m_still;
    return m_source->frame(std::clamp<qint64>(index, 0, frameCount() - 1));
}

void ClipMedia::prefetch(qint64 first, int count) const
{
    if (m_source)
        m_source->prefetch(first, count);
}

bool ClipMedia::isCached(qint64 index) const
{
    return m_still || m_source->isCached(index);
}

} // namespace cg
