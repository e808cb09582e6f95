#pragma once

// Test clips made with the ffmpeg program, shared by the decoder and frame-source tests. Every
// picture shows its own frame index as a row of big black and white blocks (bit k of the index in
// column k, the lower half the complement), which survives any codec's compression and any seek, so
// a test can tell exactly which frame it got.

#include "Image.h"

#include <QDebug>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <cmath>
#include <vector>

namespace cliptest {

constexpr int kBits = 10; ///< frame indices up to 1023

inline QString ffmpegProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

/// Runs the ffmpeg program quietly; false (with its error output logged) when it fails.
inline bool runFfmpeg(const QStringList& arguments, QByteArray* standardOutput = nullptr)
{
    QProcess process;
    process.start(ffmpegProgram(), QStringList{"-v", "error", "-nostdin", "-y"} + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return false;
    }
    if (standardOutput)
        *standardOutput = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << process.readAllStandardError();
        return false;
    }
    return true;
}

/// lavfi source of `frames` pattern pictures (see above) of width x height at 25 fps, yuv444p.
inline QString patternSource(int frames, int width = 320, int height = 240)
{
    const int block = width / kBits;
    const QString bit = QStringLiteral("mod(floor(N/pow(2\\,floor(X/%1)))\\,2)").arg(block);
    return QStringLiteral("color=c=gray:s=%1x%2:r=25:d=%3,format=yuv444p,"
                          "geq=lum='if(lt(Y\\,%4)\\,if(%5\\,220\\,36)\\,if(%5\\,36\\,220))':cb=128:cr=128")
        .arg(width)
        .arg(height)
        .arg(QString::number(frames / 25.0, 'f', 3))
        .arg(height / 2)
        .arg(bit);
}

/// The frame index a pattern picture shows, or -1 when a block is neither black nor white or the
/// two halves disagree (a damaged or wrong picture).
inline int patternIndex(const cg::Image& image)
{
    if (image.isNull())
        return -1;
    const int block = image.width() / kBits;
    const auto mean = [&](int column, bool lower) {
        double sum = 0.0;
        int count = 0;
        const int y0 = lower ? image.height() * 5 / 8 : image.height() / 8;
        const int y1 = lower ? image.height() * 7 / 8 : image.height() * 3 / 8;
        for (int y = y0; y < y1; y += 2)
            for (int x = column * block + block / 4; x < (column + 1) * block - block / 4; ++x)
                for (int c = 0; c < 3; ++c) {
                    sum += image.sample(x, y, c);
                    ++count;
                }
        return sum / count;
    };
    int index = 0;
    for (int column = 0; column < kBits; ++column) {
        const double upper = mean(column, false);
        const double lower = mean(column, true);
        const bool upperSet = upper > 0.5;
        if (upperSet == (lower > 0.5) || std::abs(upper - 0.5) < 0.25 || std::abs(lower - 0.5) < 0.25)
            return -1;
        if (upperSet)
            index |= 1 << column;
    }
    return index;
}

constexpr int kMasterFrames = 64;

/// A lossless (FFV1) pattern clip of kMasterFrames frames, made once per size and process: the
/// lavfi geq source costs more than most encoders, so clips are transcoded from this one.
inline QString patternMaster(int width, int height)
{
    static QTemporaryDir folder;
    static QHash<QString, QString> made;
    const QString key = QStringLiteral("%1x%2").arg(width).arg(height);
    if (!made.contains(key)) {
        const QString path = folder.filePath(QStringLiteral("pattern_%1.mkv").arg(key));
        if (!folder.isValid() || !runFfmpeg({"-f", "lavfi", "-i", patternSource(kMasterFrames, width, height),
                                             "-c:v", "ffv1", path}))
            return {};
        made.insert(key, path);
    }
    return made.value(key);
}

/// Writes a pattern clip of `frames` frames: `codecArguments` go between the input and the output.
inline bool makePatternClip(const QString& path, int frames, const QStringList& codecArguments,
                            int width = 320, int height = 240)
{
    const QString master = frames <= kMasterFrames ? patternMaster(width, height) : QString();
    const QStringList input = master.isEmpty()
                                  ? QStringList{"-f", "lavfi", "-i", patternSource(frames, width, height)}
                                  : QStringList{"-i", master};
    return runFfmpeg(input + codecArguments + QStringList{"-frames:v", QString::number(frames), path});
}

} // namespace cliptest
