#include "MediaWriter.h"

#include "Error.h"
#include "FfmpegPtr.h"
#include "MediaError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace cg {

using namespace cg::ffmpeg;

namespace {

bool isStorageError(int error)
{
    return error == AVERROR(ENOSPC) || error == AVERROR(EFBIG) || error == AVERROR(EIO) ||
           error == AVERROR(EDQUOT) || error == AVERROR(EROFS);
}

} // namespace

struct MediaWriter::Impl
{
    QString output;
    QString temporary;
    QByteArray url;
    OutputFormatContextPtr format;
    bool headerWritten = false;
    bool committed = false;

    QString name() const { return QFileInfo(output).fileName(); }

    [[noreturn]] void failWrite(int error) const
    {
        // A failed write of a file we created ourselves in a folder we could write to is almost always
        // the storage: the disk or the user's quota is full, or a file size limit was hit.
        const int ioError = format && format->pb ? format->pb->error : 0;
        if (isStorageError(error) || ioError < 0)
            throw InputError(QStringLiteral("cannot write %1: disk full? (%2)")
                                 .arg(name(), describeError(ioError < 0 ? ioError : error)));
        throw InputError(QStringLiteral("cannot write %1: %2").arg(name(), describeError(error)));
    }
};

MediaWriter::MediaWriter(const QString& output, const char* formatName) : d(std::make_unique<Impl>())
{
    installQuietLog();
    clearLastLogMessage();
    d->output = QFileInfo(output).absoluteFilePath();
    const QFileInfo info(d->output);
    const QString folder = info.absolutePath();
    if (!QFileInfo(folder).isDir())
        throw InputError(QStringLiteral("cannot write %1: the folder %2 does not exist")
                             .arg(info.fileName(), QDir::toNativeSeparators(folder)));

    // A hidden name in the same folder: the same file system, so the final rename is atomic. Created
    // with open(O_EXCL) and mode 0666 so the finished file gets the permissions the user's umask gives
    // any new file (QTemporaryFile would leave it private, 0600).
    const QString suffix = info.suffix().isEmpty() ? QString() : "." + info.suffix();
    const QString prefix = folder + "/." + info.completeBaseName() + ".part-";
    int lastError = 0;
    for (int attempt = 0; attempt < 100 && d->temporary.isEmpty(); ++attempt) {
        const QString candidate =
            prefix +
            QString::number(QRandomGenerator::global()->generate() & 0xffffff, 16).rightJustified(6, '0') +
            suffix;
        const int fd =
            ::open(QFile::encodeName(candidate).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            d->temporary = candidate;
        } else {
            lastError = errno;
            if (lastError != EEXIST)
                break;
        }
    }
    if (d->temporary.isEmpty())
        throw InputError(QStringLiteral("cannot write %1: the folder %2 is not writable (%3)")
                             .arg(info.fileName(), QDir::toNativeSeparators(folder),
                                  QString::fromLocal8Bit(std::strerror(lastError))));

    // "file:" keeps a name with a colon from being read as a protocol.
    d->url = "file:" + QFile::encodeName(d->temporary);
    AVFormatContext* raw = nullptr;
    int error = avformat_alloc_output_context2(&raw, nullptr, formatName, d->url.constData());
    if (error < 0 || !raw) {
        QFile::remove(d->temporary);
        throw InputError(QStringLiteral("cannot write %1: %2").arg(info.fileName(), describeError(error)));
    }
    d->format.reset(raw);
    error = avio_open(&d->format->pb, d->url.constData(), AVIO_FLAG_WRITE);
    if (error < 0) {
        QFile::remove(d->temporary);
        throw InputError(QStringLiteral("cannot write %1: %2").arg(info.fileName(), describeError(error)));
    }
}

MediaWriter::~MediaWriter()
{
    if (d->committed)
        return;
    d->format.reset(); // closes the file before it is removed
    QFile::remove(d->temporary);
}

AVFormatContext* MediaWriter::format() const
{
    return d->format.get();
}

bool MediaWriter::accepts(int codecId) const
{
    return avformat_query_codec(d->format->oformat, AVCodecID(codecId), FF_COMPLIANCE_NORMAL) == 1;
}

AVStream* MediaWriter::addStream()
{
    AVStream* stream = avformat_new_stream(d->format.get(), nullptr);
    if (!stream)
        throw std::bad_alloc();
    return stream;
}

void MediaWriter::writeHeader()
{
    clearLastLogMessage();
    AVDictionary* options = nullptr;
    if (QByteArray(d->format->oformat->name) == "mp4" || QByteArray(d->format->oformat->name) == "mov")
        av_dict_set(&options, "movflags", "+faststart", 0);
    const int error = avformat_write_header(d->format.get(), &options);
    av_dict_free(&options);
    if (error < 0)
        d->failWrite(error);
    d->headerWritten = true;
}

void MediaWriter::write(AVPacket* packet, const AVRational& timeBase)
{
    AVStream* stream = d->format->streams[packet->stream_index];
    av_packet_rescale_ts(packet, timeBase, stream->time_base);
    const int error = av_interleaved_write_frame(d->format.get(), packet);
    if (error < 0 || d->format->pb->error < 0)
        d->failWrite(error < 0 ? error : d->format->pb->error);
}

void MediaWriter::commit()
{
    clearLastLogMessage();
    // The trailer writes the index (and with +faststart moves it to the front, rewriting the file);
    // closing flushes the last buffered bytes. Both can meet a full disk.
    int error = av_write_trailer(d->format.get());
    if (error < 0 || d->format->pb->error < 0)
        d->failWrite(error < 0 ? error : d->format->pb->error);
    error = avio_closep(&d->format->pb);
    if (error < 0)
        d->failWrite(error);
    d->format.reset();
    if (std::rename(QFile::encodeName(d->temporary).constData(), QFile::encodeName(d->output).constData()) !=
        0)
        throw InputError(QStringLiteral("cannot write %1: renaming the finished file failed (%2)")
                             .arg(d->name(), QString::fromLocal8Bit(std::strerror(errno))));
    d->committed = true;
}

QString MediaWriter::outputPath() const
{
    return d->output;
}

QString MediaWriter::temporaryPath() const
{
    return d->temporary;
}

} // namespace cg
