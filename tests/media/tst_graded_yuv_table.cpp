// GradedYuvTable's AVX2 row kernels against its scalar loops: the same bits for every output layout
// the exporter uses (4:2:0 8-bit, 4:2:2 and 4:4:4 10-bit), at widths that leave row ends to the
// scalar code and heights with an odd last 4:2:0 row.
#include "CompiledGrade.h"
#include "GradedYuvTable.h"
#include "ModerateGrade.h"

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixfmt.h>
}

#include <QTest>

#include <cstring>
#include <memory>
#include <random>

using namespace cg;

namespace {

struct FrameDeleter
{
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
using Frame = std::unique_ptr<AVFrame, FrameDeleter>;

int planeHeight(int plane, int height, const YuvFormat& format)
{
    return plane == 0 ? height : (height + (1 << format.chromaShiftY) - 1) >> format.chromaShiftY;
}

Frame allocate(int width, int height, const YuvFormat& format)
{
    Frame frame(av_frame_alloc());
    if (!frame)
        return nullptr;
    frame->format = format.pixelFormat;
    frame->width = width;
    frame->height = height;
    if (av_frame_get_buffer(frame.get(), 0) < 0)
        return nullptr;
    // Padding the converter must leave alone: both frames start alike.
    for (int plane = 0; plane < 3; ++plane)
        std::memset(frame->data[plane], 0xa5,
                    size_t(frame->linesize[plane]) * size_t(planeHeight(plane, height, format)));
    return frame;
}

/// Random colours with runs of one colour and of near neighbours, like pictures have.
Image testImage(int width, int height, unsigned seed)
{
    Image image(width, height, PixelFormat::Rgb8);
    std::mt19937 random(seed);
    for (int y = 0; y < height; ++y) {
        uint8_t* p = image.row<uint8_t>(y);
        for (int i = 0; i < 3 * width; ++i)
            p[i] = (random() % 4 == 0 && i >= 3) ? uint8_t(p[i - 3] + random() % 3) : uint8_t(random());
    }
    // The extremes, where clamping matters.
    uint8_t* first = image.row<uint8_t>(0);
    std::memset(first, 0, 3 * size_t(std::min(width, 2)));
    std::memset(first + 3 * size_t(width - 1), 255, 3);
    return image;
}

YuvFormat format(AVPixelFormat pixelFormat, int bits, int shiftX, int shiftY)
{
    YuvFormat yuv;
    yuv.pixelFormat = pixelFormat;
    yuv.bitDepth = bits;
    yuv.chromaShiftX = shiftX;
    yuv.chromaShiftY = shiftY;
    return yuv;
}

} // namespace

class TestGradedYuvTable : public QObject
{
    Q_OBJECT

private slots:
    void avx2KernelsGiveTheScalarBits_data()
    {
        QTest::addColumn<int>("pixelFormat");
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("shiftX");
        QTest::addColumn<int>("shiftY");
        QTest::newRow("yuv420p (H.264)") << int(AV_PIX_FMT_YUV420P) << 8 << 1 << 1;
        QTest::newRow("yuv422p10 (ProRes 422)") << int(AV_PIX_FMT_YUV422P10LE) << 10 << 1 << 0;
        QTest::newRow("yuv444p10 (ProRes 4444)") << int(AV_PIX_FMT_YUV444P10LE) << 10 << 0 << 0;
    }

    void avx2KernelsGiveTheScalarBits()
    {
        if (!GradedYuvTable::cpuHasAvx2())
            QSKIP("this CPU has no AVX2");
        QFETCH(int, pixelFormat);
        QFETCH(int, bits);
        QFETCH(int, shiftX);
        QFETCH(int, shiftY);
        const YuvFormat yuv = format(AVPixelFormat(pixelFormat), bits, shiftX, shiftY);
        const CompiledGrade grade(moderateGrade());
        const GradedYuvTable table(grade, yuv);

        // 1920: whole vectors only; 53 and 38: row ends of every length for luma and chroma; 7:
        // narrower than one vector. Odd heights leave a last 4:2:0 row alone.
        const int sizes[][2] = {{1920, 4}, {53, 7}, {38, 5}, {7, 3}, {16, 1}};
        unsigned seed = 1;
        for (const auto& size : sizes) {
            const int width = size[0], height = size[1];
            const Image rgb = testImage(width, height, seed++);
            Frame scalar = allocate(width, height, yuv);
            Frame vector = allocate(width, height, yuv);
            QVERIFY(scalar && vector);
            table.convert(rgb, scalar.get(), GradedYuvTable::Path::Scalar);
            table.convert(rgb, vector.get(), GradedYuvTable::Path::Avx2);
            for (int plane = 0; plane < 3; ++plane) {
                QCOMPARE(vector->linesize[plane], scalar->linesize[plane]);
                for (int y = 0; y < planeHeight(plane, height, yuv); ++y) {
                    const uint8_t* a = scalar->data[plane] + ptrdiff_t(y) * scalar->linesize[plane];
                    const uint8_t* b = vector->data[plane] + ptrdiff_t(y) * vector->linesize[plane];
                    if (std::memcmp(a, b, size_t(scalar->linesize[plane])) != 0)
                        QFAIL(qPrintable(QStringLiteral("%1x%2: plane %3 row %4 differs")
                                             .arg(width)
                                             .arg(height)
                                             .arg(plane)
                                             .arg(y)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestGradedYuvTable)
#include "tst_graded_yuv_table.moc"
