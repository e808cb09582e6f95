#include "Exporter.h"

#include "AudioPassthrough.h"
#include "BoundedQueue.h"
#include "EncoderFramePool.h"
#include "Error.h"
#include "FfmpegPtr.h"
#include "FrameTimeline.h"
#include "GradedYuvTable.h"
#include "MediaInfo.h"
#include "MediaWriter.h"
#include "VideoDecoder.h"
#include "VideoEncoder.h"
#include "YuvConverter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace cg {

using namespace cg::ffmpeg;

namespace {

struct CodecName
{
    ExportCodec codec;
    const char* name;
};
constexpr CodecName kCodecNames[] = {{ExportCodec::H264, "h264"},
                                     {ExportCodec::ProResLT, "prores-lt"},
                                     {ExportCodec::ProRes, "prores"},
                                     {ExportCodec::ProResHQ, "prores-hq"},
                                     {ExportCodec::ProRes4444, "prores-4444"}};

QString nameOf(const QString& path)
{
    return QFileInfo(path).fileName();
}

/// The muxer for the output's extension; ProRes belongs in QuickTime files.
const char* containerFor(const QString& output, ExportCodec codec)
{
    const QString suffix = QFileInfo(output).suffix().toLower();
    if (suffix == QLatin1String("mov") || suffix == QLatin1String("qt"))
        return "mov";
    const bool mp4 = suffix == QLatin1String("mp4") || suffix == QLatin1String("m4v");
    const bool matroska = suffix == QLatin1String("mkv");
    if ((mp4 || matroska) && codec != ExportCodec::H264)
        throw InputError(QStringLiteral("cannot write %1: ProRes goes in QuickTime files; name it .mov")
                             .arg(nameOf(output)));
    if (mp4)
        return "mp4";
    if (matroska)
        return "matroska";
    throw InputError(QStringLiteral("cannot write %1: unknown video file type \"%2\"; use .mp4, .mov or .mkv")
                         .arg(nameOf(output), suffix));
}

/// DESIGN.md §5: an export never overwrites its input, whatever links lead there.
void refuseOverwritingInput(const QString& input, const QString& output)
{
    const QString source = QFileInfo(input).canonicalFilePath();
    if (source.isEmpty())
        return; // a missing input is reported when it is opened
    const QFileInfo target(output);
    QString resolved = target.canonicalFilePath(); // follows symbolic links, empty when missing
    if (resolved.isEmpty()) {
        const QString folder = QFileInfo(target.absolutePath()).canonicalFilePath();
        if (!folder.isEmpty())
            resolved = QDir(folder).filePath(target.fileName());
    }
    if (resolved == source)
        throw InputError(QStringLiteral("refusing to write %1 over the input %2: choose another output name")
                             .arg(nameOf(output), nameOf(input)));
}

/// Recycles frame buffers between the stages (a 1080p frame is 6-12 MB; allocating and clearing
/// one per frame costs more than the grade).
template <typename T> class Recycler
{
public:
    std::optional<T> take()
    {
        std::lock_guard lock(m_mutex);
        if (m_items.empty())
            return std::nullopt;
        std::optional<T> item(std::move(m_items.back()));
        m_items.pop_back();
        return item;
    }
    void give(T item)
    {
        std::lock_guard lock(m_mutex);
        if (m_items.size() < 8)
            m_items.push_back(std::move(item));
    }

private:
    std::mutex m_mutex;
    std::vector<T> m_items;
};

struct DecodedFrame
{
    qint64 index = 0;
    Image image;
};

struct YuvFrame
{
    qint64 index = 0;
    FramePtr frame;
};

/// decode thread -> grade thread -> (the caller's thread) encode + mux, joined by small queues so the
/// three overlap. The first error of any stage stops all of them and is rethrown by the caller.
class Pipeline
{
public:
    explicit Pipeline(const std::atomic_bool* cancel) : m_cancel(cancel) {}
    ~Pipeline() { stop(); }

    BoundedQueue<DecodedFrame> decoded{3};
    BoundedQueue<YuvFrame> converted{3};
    Recycler<Image> freeImages;

    bool cancelled() const { return m_cancel && m_cancel->load(); }
    bool stopping() const { return m_stop.load() || cancelled(); }

    template <typename Function> void start(Function&& body)
    {
        m_threads.emplace_back([this, body = std::forward<Function>(body)]() mutable {
            try {
                body();
            } catch (...) {
                fail(std::current_exception());
            }
        });
    }

    void fail(std::exception_ptr error)
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_error)
                m_error = error;
        }
        stop(false);
    }

    /// Stops every stage (when `join`, waits for them).
    void stop(bool join = true)
    {
        m_stop = true;
        decoded.close();
        converted.close();
        if (!join)
            return;
        for (std::thread& thread : m_threads)
            if (thread.joinable() && thread.get_id() != std::this_thread::get_id())
                thread.join();
    }

    void rethrow()
    {
        std::lock_guard lock(m_mutex);
        if (m_error)
            std::rethrow_exception(m_error);
    }

private:
    const std::atomic_bool* m_cancel;
    std::atomic_bool m_stop{false};
    std::mutex m_mutex;
    std::exception_ptr m_error;
    std::vector<std::thread> m_threads;
};

} // namespace

ExportCodec exportCodecFromName(const QString& name)
{
    for (const CodecName& entry : kCodecNames)
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.codec;
    throw InputError(
        QStringLiteral("unknown codec \"%1\": use h264, prores-lt, prores, prores-hq or prores-4444")
            .arg(name));
}

QString exportCodecName(ExportCodec codec)
{
    for (const CodecName& entry : kCodecNames)
        if (entry.codec == codec)
            return QString::fromLatin1(entry.name);
    return QStringLiteral("h264");
}

void exportVideo(const QString& input, const QString& output, const CompiledGrade& grade,
                 const ExportSettings& settings, const std::function<void(const ExportProgress&)>& progress,
                 const std::atomic_bool* cancel)
{
    installQuietLog();
    QElapsedTimer clock;
    clock.start();

    // Everything that can be refused is refused before any work.
    refuseOverwritingInput(input, output);
    const char* container = containerFor(output, settings.codec);
    const QString outputFolder = QFileInfo(QFileInfo(output).absolutePath()).absoluteFilePath();
    if (!QFileInfo(outputFolder).isDir())
        throw InputError(QStringLiteral("cannot write %1: the folder %2 does not exist")
                             .arg(nameOf(output), QDir::toNativeSeparators(outputFolder)));

    const MediaInfo info = probeMedia(input);
    if (!info.video || info.isStill)
        throw InputError(
            QStringLiteral("cannot export %1: it is a still image, not a video").arg(nameOf(input)));
    const VideoStreamInfo& video = *info.video;
    const qint64 frameCount = video.frameCount;
    if (frameCount <= 0)
        throw InputError(QStringLiteral("cannot export %1: it holds no video frames").arg(nameOf(input)));
    const qint64 first = settings.firstFrame;
    const qint64 last = settings.lastFrame < 0 ? frameCount - 1 : settings.lastFrame;
    if (first < 0 || first >= frameCount || last < first || last >= frameCount)
        throw InputError(QStringLiteral("cannot export frames %1..%2 of %3: it has frames 0..%4")
                             .arg(first)
                             .arg(last)
                             .arg(nameOf(input))
                             .arg(frameCount - 1));
    const qint64 total = last - first + 1;

    const FrameTimeline timeline = readFrameTimeline(input, video);
    const qint64 origin = timeline.start(first);
    const TimeRange range{origin, timeline.endOf(last), timeline.timeBase};

    // 10-bit (and deeper) sources are graded and converted from 16-bit RGB, 8-bit ones from 8-bit RGB.
    const PixelFormat depth = video.bitDepth > 8 ? PixelFormat::Rgb16 : PixelFormat::Rgb8;
    // The first frame comes before the output file: an undecodable input leaves nothing behind, and
    // the encoder gets the size the decoder really gives (upright, for rotated streams).
    VideoDecoder decoder(input, depth == PixelFormat::Rgb16 ? VideoDecoder::Depth::Rgb16
                                                            : VideoDecoder::Depth::Rgb8);
    Image firstImage = decoder.frame(first);
    const int width = firstImage.width();
    const int height = firstImage.height();

    MediaWriter writer(output, container);
    VideoEncoder encoder(writer, settings, video, width, height);
    std::optional<AudioPassthrough> audio;
    if (settings.includeAudio && !info.audio.empty())
        audio.emplace(input, writer, range);
    writer.writeHeader();

    const YuvFormat yuv = encoder.yuvFormat();
    EncoderFramePool frames(width, height, yuv);
    const bool useTable = depth == PixelFormat::Rgb8 &&
                          GradedYuvTable::worthwhile(double(width) * double(height) * double(total));

    Pipeline pipeline(cancel);
    // From here on only the decode thread uses the decoder.
    pipeline.start([&] {
        if (!pipeline.decoded.push({first, std::move(firstImage)}))
            return;
        while (!pipeline.stopping()) {
            const qint64 index = decoder.nextIndex();
            if (index > last)
                break;
            Image image = pipeline.freeImages.take().value_or(Image());
            if (!decoder.readNext(image))
                break;
            if (!pipeline.decoded.push({index, std::move(image)}))
                break;
        }
        pipeline.decoded.close();
    });
    pipeline.start([&] {
        std::optional<GradedYuvTable> table;
        std::optional<YuvConverter> converter;
        if (useTable)
            table.emplace(grade, yuv);
        else
            converter.emplace(width, height, depth, yuv);
        while (std::optional<DecodedFrame> item = pipeline.decoded.pop()) {
            if (pipeline.stopping())
                break;
            Image& image = item->image;
            if (image.width() != width || image.height() != height || image.format() != depth)
                throw InputError(QStringLiteral("cannot export %1: frame %2 is %3x%4, the video %5x%6")
                                     .arg(nameOf(input))
                                     .arg(item->index)
                                     .arg(image.width())
                                     .arg(image.height())
                                     .arg(width)
                                     .arg(height));
            FramePtr frame = frames.frame();
            if (table) {
                table->convert(image, frame.get());
            } else {
                grade.apply(image);
                converter->convert(image, frame.get());
            }
            pipeline.freeImages.give(std::move(image));
            if (!pipeline.converted.push({item->index, std::move(frame)}))
                break;
        }
        pipeline.converted.close();
    });

    ExportProgress status;
    status.framesTotal = total;
    while (std::optional<YuvFrame> item = pipeline.converted.pop()) {
        if (pipeline.stopping())
            break;
        const qint64 start = timeline.start(item->index);
        encoder.encode(item->frame.get(), start - origin, timeline.endOf(item->index) - start);
        if (audio)
            audio->writeUntil(start - origin);
        ++status.framesDone;
        if (progress) {
            status.secondsElapsed = double(clock.nsecsElapsed()) * 1e-9;
            status.secondsLeft = status.secondsElapsed / double(status.framesDone) *
                                 double(status.framesTotal - status.framesDone);
            progress(status);
        }
    }
    pipeline.stop();
    pipeline.rethrow();
    if (pipeline.cancelled())
        throw ExportCancelled();
    // A file that ends before its index says (cut short while copying, a damaged disk) must not turn
    // into a shorter export that looks complete.
    if (status.framesDone < total)
        throw InputError(QStringLiteral("cannot export %1: only %2 of its %3 frames could be decoded (is the "
                                        "file truncated or damaged?)")
                             .arg(nameOf(input))
                             .arg(status.framesDone)
                             .arg(total));

    encoder.finish();
    if (audio)
        audio->finish();
    writer.commit();
}

} // namespace cg
