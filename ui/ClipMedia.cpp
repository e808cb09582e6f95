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
        // A single picture: decoded completely on first use (StillImage keeps 16-bit depth), so that
        // opening a large still does not hold up the GUI thread.
        m_isStill = true;
    } else {
        // The cache holds about two seconds of 1080p at 8 bits; read-ahead is clamped to it.
        m_source = std::make_unique<FrameSource>(m_path, size_t(384) << 20);
    }
}

ClipMedia::~ClipMedia() = default;

qint64 ClipMedia::frameCount() const
{
    return m_isStill ? 1 : m_source->frameCount();
}

double ClipMedia::frameRate() const
{
    return m_isStill ? 0.0 : m_info.video->frameRate.value();
}

Rational ClipMedia::frameRateRational() const
{
    return m_isStill ? Rational{0, 1} : m_info.video->frameRate;
}

int ClipMedia::width() const
{
    return m_info.video->width;
}

int ClipMedia::height() const
{
    return m_info.video->height;
}

int ClipMedia::bitDepth() const
{
    return m_info.video->bitDepth;
}

Image ClipMedia::frame(qint64 index) const
{
    if (m_isStill) {
        std::call_once(m_stillDecoded, [this] {
            try {
                m_still = std::make_shared<const Image>(StillImage::read(m_path));
            } catch (const InputError& e) {
                m_stillError = e.message();
            }
        });
        if (!m_still)
            throw InputError(m_stillError);
        return *m_still;
    }
    return m_source->frame(std::clamp<qint64>(index, 0, frameCount() - 1));
}

void ClipMedia::prefetch(qint64 first, int count) const
{
    if (m_source)
        m_source->prefetch(first, count);
}

bool ClipMedia::isCached(qint64 index) const
{
    return m_isStill || m_source->isCached(index);
}

} // namespace cg
