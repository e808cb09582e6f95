#include "CompiledGrade.h"
#include "Error.h"
#include "Exporter.h"
#include "FfmpegPtr.h"
#include "GradedYuvTable.h"
#include "Image.h"
#include "MediaInfo.h"
#include "VideoDecoder.h"
#include "YuvConverter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>

using namespace cg;

namespace {

/// A grade that moves every control group the exporter has to carry: exposure, balance, contrast,
/// saturation.
Grade testGrade()
{
    Grade grade;
    grade.exposure = 0.3;
    grade.lift.rgb = {0.02, 0.0, -0.02};
    grade.gain.rgb = {1.05, 1.0, 0.95};
    grade.contrast = 1.1;
    grade.saturation = 1.3;
    return grade;
}

bool run(const QString& program, const QStringList& arguments, QByteArray* output = nullptr,
         QByteArray* errors = nullptr, int* exitCode = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        return false;
    if (output)
        *output = process.readAllStandardOutput();
    if (errors)
        *errors = process.readAllStandardError();
    if (exitCode)
        *exitCode = process.exitCode();
    return process.exitStatus() == QProcess::NormalExit && (exitCode || process.exitCode() == 0);
}

bool runFfmpeg(const QStringList& arguments)
{
    return run(QStringLiteral("ffmpeg"), QStringList{"-hide_banner", "-loglevel", "error", "-y"} + arguments);
}

/// ffprobe's description of a file: streams (with packet counts) and format.
QJsonObject probe(const QString& path)
{
    QByteArray json;
    if (!run(QStringLiteral("ffprobe"),
             {"-v", "error", "-count_packets", "-show_streams", "-show_format", "-of", "json", path}, &json))
        return {};
    return QJsonDocument::fromJson(json).object();
}

QList<QJsonObject> streamsOf(const QJsonObject& probed, const QString& type)
{
    QList<QJsonObject> streams;
    for (const QJsonValue& stream : probed.value("streams").toArray())
        if (stream.toObject().value("codec_type").toString() == type)
            streams.append(stream.toObject());
    return streams;
}

double number(const QJsonObject& object, const QString& key)
{
    return object.value(key).toString().toDouble();
}

double rate(const QString& fraction)
{
    const QStringList parts = fraction.split('/');
    return parts.size() == 2 && parts[1].toDouble() != 0.0 ? parts[0].toDouble() / parts[1].toDouble() : 0.0;
}

/// Presentation times of the video packets, sorted (ffprobe, independent of our decoder).
QList<double> videoTimes(const QString& path)
{
    QByteArray text;
    run(QStringLiteral("ffprobe"),
        {"-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0", path},
        &text);
    QList<double> times;
    for (const QByteArray& line : text.split('\n'))
        if (!line.trimmed().isEmpty())
            times.append(line.trimmed().toDouble());
    std::sort(times.begin(), times.end());
    return times;
}

/// Mean absolute difference over all samples, in 8-bit code values.
double meanError(const Image& a, const Image& b)
{
    if (a.width() != b.width() || a.height() != b.height())
        return 1e9;
    double sum = 0.0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            for (int c = 0; c < 3; ++c)
                sum += std::abs(double(a.sample(x, y, c)) - double(b.sample(x, y, c)));
    return sum * 255.0 / (double(a.pixelCount()) * 3.0);
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class ExporterTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clip;     ///< 320x240, 25 fps, 2 s, H.264 long GOP with B-frames; AAC and MP3 audio
    QString m_pcmClip;  ///< the same picture with PCM audio, in MOV
    QString m_hdClip;   ///< 1280x720, 3 s: enough pixels for the exporter's fused grade table
    QString m_deepClip; ///< ProRes 422 HQ, 10-bit
    QString m_vfrClip;  ///< 25 fps for 0.8 s, then 50 fps

    QString outputFolder(const QString& name)
    {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        return folder;
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable("ffmpeg").isEmpty() ||
            QStandardPaths::findExecutable("ffprobe").isEmpty())
            QSKIP("the ffmpeg and ffprobe programs are needed to make and check the test clips");
        QVERIFY(m_dir.isValid());
        const QStringList bt709{"-colorspace", "bt709", "-color_primaries", "bt709",
                                "-color_trc",  "bt709", "-color_range",     "tv"};
        // Camera pictures carry little colour detail; testsrc2's saturated one-pixel edges would make
        // chroma subsampling, not the grade, the whole error. A slight blur brings it near real footage.
        const QString soft = QStringLiteral("gblur=sigma=1.2");
        const QStringList longGop{"-c:v", "libx264", "-preset", "veryfast", "-bf",
                                  "2",    "-g",      "12",      "-pix_fmt", "yuv420p"};
        m_clip = m_dir.filePath("clip.mp4");
        QVERIFY(
            runFfmpeg(QStringList{"-f",   "lavfi", "-i",   "testsrc2=size=320x240:rate=25:duration=2",
                                  "-f",   "lavfi", "-i",   "sine=frequency=440:sample_rate=48000:duration=2",
                                  "-f",   "lavfi", "-i",   "sine=frequency=660:sample_rate=44100:duration=2",
                                  "-map", "0",     "-map", "1",
                                  "-map", "2",     "-vf",  soft} +
                      longGop + bt709 + QStringList{"-c:a:0", "aac", "-c:a:1", "libmp3lame", m_clip}));
        m_pcmClip = m_dir.filePath("clip_pcm.mov");
        QVERIFY(runFfmpeg(QStringList{"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-f",
                                      "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2", "-vf",
                                      soft} +
                          longGop + bt709 + QStringList{"-c:a", "pcm_s16le", m_pcmClip}));
        m_hdClip = m_dir.filePath("clip720.mp4");
        QVERIFY(runFfmpeg(
            QStringList{"-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=3", "-vf", soft} +
            longGop + bt709 + QStringList{m_hdClip}));
        m_deepClip = m_dir.filePath("deep.mov");
        QVERIFY(
            runFfmpeg(QStringList{"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=1", "-vf",
                                  soft, "-c:v", "prores_ks", "-profile:v", "3", "-pix_fmt", "yuv422p10le"} +
                      bt709 + QStringList{m_deepClip}));
        m_vfrClip = m_dir.filePath("vfr.mp4");
        QVERIFY(
            runFfmpeg(QStringList{"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=50:duration=1.6", "-vf",
                                  "select='lt(n\\,40)*not(mod(n\\,2))+gte(n\\,40)'", "-fps_mode", "vfr"} +
                      longGop + bt709 + QStringList{m_vfrClip}));
        QCOMPARE(videoTimes(m_vfrClip).size(), 60);
    }

    void codecNamesRoundTrip()
    {
        for (ExportCodec codec : {ExportCodec::H264, ExportCodec::ProResLT, ExportCodec::ProRes,
                                  ExportCodec::ProResHQ, ExportCodec::ProRes4444})
            QCOMPARE(exportCodecFromName(exportCodecName(codec)), codec);
        QVERIFY_THROWS_EXCEPTION(InputError, exportCodecFromName("mpeg2"));
    }

    void h264ExportKeepsFramesRateSizeAndColourTags()
    {
        const QString output = outputFolder("h264") + "/graded.mp4";
        ExportSettings settings;
        settings.crf = 10;
        QList<ExportProgress> reports;
        exportVideo(m_clip, output, CompiledGrade(testGrade()), settings,
                    [&](const ExportProgress& progress) { reports.append(progress); });

        const QJsonObject source = streamsOf(probe(m_clip), "video").value(0);
        const QJsonObject out = probe(output);
        QCOMPARE(streamsOf(out, "video").size(), 1);
        const QJsonObject video = streamsOf(out, "video").first();
        QCOMPARE(video.value("codec_name").toString(), QString("h264"));
        QCOMPARE(video.value("pix_fmt").toString(), QString("yuv420p"));
        QCOMPARE(video.value("width").toInt(), 320);
        QCOMPARE(video.value("height").toInt(), 240);
        QCOMPARE(video.value("nb_read_packets").toString(), source.value("nb_read_packets").toString());
        QCOMPARE(video.value("nb_read_packets").toString(), QString("50"));
        QCOMPARE(rate(video.value("avg_frame_rate").toString()), 25.0);
        QVERIFY(std::abs(number(video, "duration") - number(source, "duration")) <= 0.04);
        QCOMPARE(video.value("color_space").toString(), QString("bt709"));
        QCOMPARE(video.value("color_primaries").toString(), QString("bt709"));
        QCOMPARE(video.value("color_transfer").toString(), QString("bt709"));
        QCOMPARE(video.value("color_range").toString(), QString("tv"));
        // +faststart: the index (moov) comes before the media data (mdat).
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(1 << 16);
        QVERIFY(head.indexOf("moov") >= 0 && head.indexOf("moov") < head.indexOf("mdat"));

        QCOMPARE(reports.size(), 50);
        QCOMPARE(reports.last().framesDone, 50);
        QCOMPARE(reports.last().framesTotal, 50);
        QCOMPARE(reports.last().secondsLeft, 0.0);
        QVERIFY(reports.first().secondsLeft >= 0.0);
        QCOMPARE(filesIn(QFileInfo(output).absolutePath()), QStringList{"graded.mp4"});
        // The finished file has the permissions any new file of the user gets (umask), not a
        // temporary file's private ones.
        QFile plain(QFileInfo(output).absolutePath() + "/plain");
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        QCOMPARE(QFileInfo(output).permissions(), QFileInfo(plain).permissions());
    }

    void audioIsCopiedWhereTheContainerTakesIt()
    {
        const QString output = outputFolder("audio") + "/copied.mp4";
        exportVideo(m_clip, output, CompiledGrade(testGrade()), ExportSettings());
        const QList<QJsonObject> source = streamsOf(probe(m_clip), "audio");
        const QList<QJsonObject> audio = streamsOf(probe(output), "audio");
        QCOMPARE(audio.size(), 2);
        QCOMPARE(audio[0].value("codec_name").toString(), QString("aac"));
        QCOMPARE(audio[1].value("codec_name").toString(), QString("mp3"));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(audio[i].value("sample_rate").toString(), source[i].value("sample_rate").toString());
            QCOMPARE(audio[i].value("nb_read_packets").toString(),
                     source[i].value("nb_read_packets").toString());
            QVERIFY2(std::abs(number(audio[i], "duration") - number(source[i], "duration")) <= 0.04,
                     qPrintable(audio[i].value("duration").toString()));
            QVERIFY(std::abs(number(audio[i], "start_time") - number(source[i], "start_time")) <= 0.04);
        }
    }

    void matroskaTakesH264AndEveryAudioStream()
    {
        const QString output = outputFolder("matroska") + "/out.mkv";
        exportVideo(m_pcmClip, output, CompiledGrade(testGrade()), ExportSettings());
        const QJsonObject out = probe(output);
        QCOMPARE(out.value("format").toObject().value("format_name").toString(), QString("matroska,webm"));
        QCOMPARE(streamsOf(out, "video").value(0).value("codec_name").toString(), QString("h264"));
        QCOMPARE(streamsOf(out, "video").value(0).value("nb_read_packets").toString(), QString("50"));
        QCOMPARE(streamsOf(out, "audio").value(0).value("codec_name").toString(), QString("pcm_s16le"));
    }

    void pcmAudioIsReencodedForMp4AndCopiedToMov()
    {
        const QString folder = outputFolder("pcm");
        const QJsonObject source = streamsOf(probe(m_pcmClip), "audio").value(0);
        exportVideo(m_pcmClip, folder + "/out.mp4", CompiledGrade(testGrade()), ExportSettings());
        const QJsonObject aac = streamsOf(probe(folder + "/out.mp4"), "audio").value(0);
        QCOMPARE(aac.value("codec_name").toString(), QString("aac"));
        QCOMPARE(aac.value("sample_rate").toString(), QString("48000"));
        QVERIFY2(std::abs(number(aac, "duration") - number(source, "duration")) <= 0.04,
                 qPrintable(aac.value("duration").toString()));

        // Re-encoded audio is trimmed to the sample: frames 10..29 are 0.4 s to 1.2 s.
        ExportSettings range;
        range.firstFrame = 10;
        range.lastFrame = 29;
        exportVideo(m_pcmClip, folder + "/range.mp4", CompiledGrade(testGrade()), range);
        const QJsonObject trimmed = streamsOf(probe(folder + "/range.mp4"), "audio").value(0);
        QVERIFY2(std::abs(number(trimmed, "duration") - 0.8) <= 0.03,
                 qPrintable(trimmed.value("duration").toString()));

        ExportSettings prores;
        prores.codec = ExportCodec::ProResLT;
        exportVideo(m_pcmClip, folder + "/out.mov", CompiledGrade(testGrade()), prores);
        const QJsonObject pcm = streamsOf(probe(folder + "/out.mov"), "audio").value(0);
        QCOMPARE(pcm.value("codec_name").toString(), QString("pcm_s16le"));
        QVERIFY(std::abs(number(pcm, "duration") - number(source, "duration")) <= 0.04);
    }

    void proresHasTheProfileAsked_data()
    {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("pixelFormat");
        QTest::newRow("422 LT") << "prores-lt"
                                << "LT"
                                << "apcs"
                                << "yuv422p10le";
        QTest::newRow("422") << "prores"
                             << "Standard"
                             << "apcn"
                             << "yuv422p10le";
        QTest::newRow("422 HQ") << "prores-hq"
                                << "HQ"
                                << "apch"
                                << "yuv422p10le";
        QTest::newRow("4444") << "prores-4444"
                              << "4444"
                              << "ap4h"
                              << "yuv444p10le";
    }

    void proresHasTheProfileAsked()
    {
        QFETCH(QString, codec);
        QFETCH(QString, profile);
        QFETCH(QString, tag);
        QFETCH(QString, pixelFormat);
        const QString output = outputFolder("prores-" + codec) + "/out.mov";
        ExportSettings settings;
        settings.codec = exportCodecFromName(codec);
        settings.lastFrame = 9;
        exportVideo(m_clip, output, CompiledGrade(testGrade()), settings);
        const QJsonObject video = streamsOf(probe(output), "video").value(0);
        QCOMPARE(video.value("codec_name").toString(), QString("prores"));
        QCOMPARE(video.value("profile").toString(), profile);
        QCOMPARE(video.value("codec_tag_string").toString(), tag);
        // FFmpeg's ProRes decoder reads 4444 out as 12-bit, whatever depth went in.
        QVERIFY2(video.value("pix_fmt").toString() == pixelFormat ||
                     (pixelFormat == "yuv444p10le" && video.value("pix_fmt").toString() == "yuv444p12le"),
                 qPrintable(video.value("pix_fmt").toString()));
        // The frame header names its creator (SMPTE RDD 36 5.1: 'icpf', header size, version, creator).
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        const qsizetype frame = data.indexOf("icpf");
        QVERIFY(frame >= 0);
        QCOMPARE(data.mid(frame + 8, 4), QByteArray("apl0"));
        QCOMPARE(video.value("nb_read_packets").toString(), QString("10"));
        QCOMPARE(video.value("color_space").toString(), QString("bt709"));
        QCOMPARE(video.value("color_range").toString(), QString("tv"));
        QCOMPARE(streamsOf(probe(output), "audio").size(), 2);
    }

    void gradedPixelsMatchTheCoreRender_data()
    {
        QTest::addColumn<QString>("clip");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("preset");
        QTest::addColumn<double>("bound");
        // Bounds: mean absolute error in 8-bit code values against CompiledGrade applied to the decoded
        // source frame. Measured (printed by the test): 2.0, 0.9, 1.0, 0.14 and 0.94; most of it is
        // chroma subsampling (4:4:4 is nearly exact) and the rest quantisation by the codec.
        QTest::newRow("h264 crf 10, swscale path") << "clip"
                                                   << "h264"
                                                   << "medium" << 2.5;
        QTest::newRow("h264 crf 10, fused table path") << "hd"
                                                       << "h264"
                                                       << "ultrafast" << 1.5;
        QTest::newRow("prores 422 HQ from 8-bit") << "clip"
                                                  << "prores-hq"
                                                  << "" << 1.5;
        QTest::newRow("prores 4444 from 8-bit") << "clip"
                                                << "prores-4444"
                                                << "" << 0.4;
        QTest::newRow("prores 422 HQ from 10-bit") << "deep"
                                                   << "prores-hq"
                                                   << "" << 1.5;
    }

    void gradedPixelsMatchTheCoreRender()
    {
        QFETCH(QString, clip);
        QFETCH(QString, codec);
        QFETCH(QString, preset);
        QFETCH(double, bound);
        const QString input = clip == "hd" ? m_hdClip : (clip == "deep" ? m_deepClip : m_clip);
        const QString output =
            outputFolder("pixels") + "/" + QTest::currentDataTag() + (codec == "h264" ? ".mp4" : ".mov");
        const CompiledGrade grade(testGrade());
        ExportSettings settings;
        settings.codec = exportCodecFromName(codec);
        settings.crf = 10;
        if (!preset.isEmpty())
            settings.preset = preset;
        settings.includeAudio = false;
        exportVideo(input, output, grade, settings);

        VideoDecoder source(input);
        VideoDecoder exported(output);
        QCOMPARE(exported.frameCount(), source.frameCount());
        double worst = 0.0;
        for (const qint64 index : {qint64(0), source.frameCount() / 2, source.frameCount() - 1}) {
            const Image expected = grade.applied(source.frame(index));
            const double error = meanError(exported.frame(index), expected);
            worst = std::max(worst, error);
        }
        qInfo("%s: mean absolute error %.3f code values (bound %.1f)", QTest::currentDataTag(), worst, bound);
        QVERIFY2(worst < bound, qPrintable(QString::number(worst)));
        // An ungraded frame is far from the graded render: the test can tell a grade that went missing.
        const double ungraded = meanError(source.frame(0), grade.applied(source.frame(0)));
        QVERIFY2(ungraded > 3.0 * bound, qPrintable(QString::number(ungraded)));
    }

    void fusedTableMatchesGradeThenConvert()
    {
        // The fused 8-bit path against the plain one (grade, then swscale) on a frame of every kind of
        // colour: they differ by rounding and by the chroma filter, never by more than a code value or
        // two on average.
        const CompiledGrade grade(testGrade());
        VideoDecoder decoder(m_clip, VideoDecoder::Depth::Rgb8);
        const Image frame = decoder.frame(7);
        for (const bool deep : {false, true}) {
            YuvFormat format;
            format.pixelFormat = deep ? AV_PIX_FMT_YUV422P10LE : AV_PIX_FMT_YUV420P;
            format.bitDepth = deep ? 10 : 8;
            format.chromaShiftY = deep ? 0 : 1;
            const GradedYuvTable table(grade, format);
            YuvConverter converter(frame.width(), frame.height(), PixelFormat::Rgb8, format);
            ffmpeg::FramePtr fused = ffmpeg::makeFrame(), plain = ffmpeg::makeFrame();
            for (AVFrame* f : {fused.get(), plain.get()}) {
                f->format = format.pixelFormat;
                f->width = frame.width();
                f->height = frame.height();
                QCOMPARE(av_frame_get_buffer(f, 0), 0);
            }
            table.convert(frame, fused.get());
            converter.convert(grade.applied(frame), plain.get());
            for (int plane = 0; plane < 3; ++plane) {
                const int width = plane == 0 ? frame.width() : (frame.width() + 1) / 2;
                const int height = plane == 0 || deep ? frame.height() : (frame.height() + 1) / 2;
                double sum = 0.0;
                for (int y = 0; y < height; ++y)
                    for (int x = 0; x < width; ++x) {
                        const auto at = [&](const AVFrame* f) {
                            const uint8_t* row = f->data[plane] + ptrdiff_t(y) * f->linesize[plane];
                            return deep ? double(reinterpret_cast<const uint16_t*>(row)[x]) / 4.0
                                        : double(row[x]);
                        };
                        sum += std::abs(at(fused.get()) - at(plain.get()));
                    }
                const double mean = sum / (double(width) * double(height));
                qInfo("%s plane %d: mean difference %.3f code values (8-bit units)",
                      deep ? "4:2:2 10-bit" : "4:2:0 8-bit", plane, mean);
                // Measured: luma 0.01, chroma 0.01-0.25 (swscale's vertical 4:2:0 filter is not exactly a
                // mean).
                QVERIFY2(mean < (plane == 0 ? 0.1 : 0.5), qPrintable(QString::number(mean)));
            }
        }
    }

    void rangeExportHasTheRangeFrames()
    {
        const QString output = outputFolder("range") + "/range.mp4";
        const CompiledGrade grade(testGrade());
        ExportSettings settings;
        settings.crf = 10;
        settings.firstFrame = 10;
        settings.lastFrame = 29;
        exportVideo(m_clip, output, grade, settings);
        const QJsonObject out = probe(output);
        const QJsonObject video = streamsOf(out, "video").value(0);
        QCOMPARE(video.value("nb_read_packets").toString(), QString("20"));
        QVERIFY(std::abs(number(video, "duration") - 0.8) <= 0.04);
        const QList<QJsonObject> audio = streamsOf(out, "audio");
        QCOMPARE(audio.size(), 2);
        for (const QJsonObject& stream : audio)
            QVERIFY2(std::abs(number(stream, "duration") - 0.8) <= 0.04,
                     qPrintable(stream.value("duration").toString()));
        // The first exported frame is source frame 10, graded.
        VideoDecoder source(m_clip);
        VideoDecoder exported(output);
        QVERIFY(meanError(exported.frame(0), grade.applied(source.frame(10))) < 2.5);
        QVERIFY(meanError(exported.frame(0), grade.applied(source.frame(0))) > 5.0);
    }

    void variableFrameTimestampsSurvive()
    {
        const QString output = outputFolder("vfr") + "/vfr.mp4";
        exportVideo(m_vfrClip, output, CompiledGrade(testGrade()), ExportSettings());
        const QList<double> expected = videoTimes(m_vfrClip);
        const QList<double> actual = videoTimes(output);
        QCOMPARE(actual.size(), expected.size());
        for (int i = 0; i < actual.size(); ++i)
            QVERIFY2(
                std::abs(actual[i] - expected[i]) < 0.001,
                qPrintable(QString("frame %1: %2 s, source %3 s").arg(i).arg(actual[i]).arg(expected[i])));
    }

    void rotatedClipIsExportedUpright()
    {
        // A phone clip stored sideways with a display matrix: the decoder turns it upright, and the
        // export stores the upright picture (no matrix needed any more).
        const QString folder = outputFolder("rotated");
        const QString rotated = folder + "/rotated.mov";
        QVERIFY(runFfmpeg({"-i", m_deepClip, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated}));
        const QString output = folder + "/upright.mp4";
        exportVideo(rotated, output, CompiledGrade(testGrade()), ExportSettings());
        const QJsonObject video = streamsOf(probe(output), "video").value(0);
        QCOMPARE(video.value("width").toInt(), 240);
        QCOMPARE(video.value("height").toInt(), 320);
        QCOMPARE(video.value("nb_read_packets").toString(), QString("25"));
    }

    void cancelStopsSoonAndLeavesNoFile()
    {
        const QString folder = outputFolder("cancel");
        std::atomic_bool cancel{false};
        qint64 lastDone = 0;
        QVERIFY_THROWS_EXCEPTION(ExportCancelled, exportVideo(
                                                      m_clip, folder + "/cancelled.mp4",
                                                      CompiledGrade(testGrade()), ExportSettings(),
                                                      [&](const ExportProgress& progress) {
                                                          lastDone = progress.framesDone;
                                                          if (progress.framesDone >= 3)
                                                              cancel = true;
                                                      },
                                                      &cancel));
        QVERIFY2(lastDone <= 5, qPrintable(QString::number(lastDone)));
        QCOMPARE(filesIn(folder), QStringList());
    }

    void truncatedInputExportsTheFramesItHolds()
    {
        // The index (moov) at the front promises 50 frames; the media data stops after about half. The
        // probe counts the frames that can be read, and the export holds exactly those (or refuses with
        // a message); it never writes frames that are not there, and leaves no temporary file.
        const QString folder = outputFolder("truncated");
        const QString cut = folder + "/cut.mp4";
        QVERIFY(runFfmpeg({"-i", m_clip, "-c", "copy", "-movflags", "+faststart", cut}));
        QFile file(cut);
        QVERIFY(file.resize(file.size() * 6 / 10));
        const qint64 readable = probeMedia(cut).video->frameCount;
        QVERIFY(readable > 0 && readable < 50);
        try {
            exportVideo(cut, folder + "/out.mp4", CompiledGrade(testGrade()), ExportSettings());
            const QJsonObject video = streamsOf(probe(folder + "/out.mp4"), "video").value(0);
            QCOMPARE(video.value("nb_read_packets").toString().toLongLong(), readable);
            QCOMPARE(filesIn(folder), (QStringList{"cut.mp4", "out.mp4"}));
        } catch (const InputError& error) {
            qInfo("refused: %s", error.what());
            QCOMPARE(filesIn(folder), QStringList{"cut.mp4"});
        }
    }

    void refusesToOverwriteItsInput()
    {
        const QString folder = outputFolder("same");
        const QString input = folder + "/input.mp4";
        QVERIFY(QFile::copy(m_clip, input));
        QVERIFY(QFile::link(input, folder + "/link.mp4"));
        const QByteArray before = fileHash(input);
        QVERIFY_THROWS_EXCEPTION(InputError, exportVideo(input, input, CompiledGrade(), ExportSettings()));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 exportVideo(input, folder + "/link.mp4", CompiledGrade(), ExportSettings()));
        QVERIFY_THROWS_EXCEPTION(InputError, exportVideo(folder + "/link.mp4", folder + "/../same/input.mp4",
                                                         CompiledGrade(), ExportSettings()));
        QCOMPARE(fileHash(input), before);
        QCOMPARE(filesIn(folder), (QStringList{"input.mp4", "link.mp4"}));
    }

    void refusesAFolderItCannotWrite()
    {
        const QString folder = outputFolder("unwritable");
        QVERIFY_THROWS_EXCEPTION(
            InputError, exportVideo(m_clip, folder + "/missing/out.mp4", CompiledGrade(), ExportSettings()));
        QFile plain(folder + "/plain");
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        QVERIFY_THROWS_EXCEPTION(
            InputError, exportVideo(m_clip, folder + "/plain/out.mp4", CompiledGrade(), ExportSettings()));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 exportVideo(m_clip, folder + "/out.avi", CompiledGrade(), ExportSettings()));
        ExportSettings prores;
        prores.codec = ExportCodec::ProResHQ;
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 exportVideo(m_clip, folder + "/out.mp4", CompiledGrade(), prores));
        // Root writes anywhere: a read-only folder only stops other users.
        const QString locked = outputFolder("unwritable/locked");
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        if (QFileInfo(locked).isWritable()) {
            QFile::setPermissions(locked,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        } else {
            QVERIFY_THROWS_EXCEPTION(
                InputError, exportVideo(m_clip, locked + "/out.mp4", CompiledGrade(), ExportSettings()));
            QFile::setPermissions(locked,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            QCOMPARE(filesIn(locked), QStringList());
        }
        QCOMPARE(filesIn(folder), QStringList{"plain"});
    }

    void fullDiskFailsAndLeavesNoFile()
    {
        // `ulimit -f` (in 1024-byte blocks) makes writes past 300 KB fail with EFBIG, as a full disk
        // does with ENOSPC; the ProRes export is about 2 MB.
        const QString folder = outputFolder("full");
        const QString output = folder + "/out.mov";
        QByteArray errors;
        int exitCode = -1;
        QVERIFY(run(QStringLiteral("bash"),
                    {"-c", "ulimit -f 300; exec \"$0\" \"$1\" \"$2\" prores-hq",
                     QStringLiteral(EXPORTER_CHILD), m_clip, output},
                    nullptr, &errors, &exitCode));
        QCOMPARE(exitCode, 2);
        QVERIFY2(errors.contains("disk full"), errors.constData());
        QCOMPARE(filesIn(folder), QStringList());
        // And without the limit the same program succeeds (the failure was the limit's).
        QVERIFY(
            run(QStringLiteral(EXPORTER_CHILD), {m_clip, output, "prores-hq"}, nullptr, &errors, &exitCode));
        QCOMPARE(exitCode, 0);
        QCOMPARE(filesIn(folder), QStringList{"out.mov"});
    }
};

QTEST_GUILESS_MAIN(ExporterTest)
#include "tst_exporter.moc"
