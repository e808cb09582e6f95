#pragma once

#include "Image.h"

#include <QString>

namespace cg {

/// Still images through FFmpeg's image decoders and encoders: PNG (8 and 16 bit), JPEG, TIFF
/// (8 and 16 bit), and any other single image FFmpeg reads (DPX, BMP, ...).
namespace StillImage {

/// Decode the first frame of an image file to RGB. Sources deeper than 8 bits per channel come back as
/// Rgb16, others as Rgb8. Alpha is dropped. Throws InputError ("cannot read photo.png: ...").
Image read(const QString& path);

enum class FileType { Png, Jpeg, Tiff };
/// The type for a path's extension (.png, .jpg/.jpeg, .tif/.tiff); throws InputError otherwise.
FileType fileTypeForPath(const QString& path);

/// Encode and write atomically (temporary file in the same folder, renamed when complete).
/// Rgb16 stays 16-bit in PNG and TIFF; JPEG is 8-bit (4:4:4, high quality). RgbF32 is written as
/// 16-bit. Throws InputError when the folder is not writable or the path is not a known type.
void write(const QString& path, const Image& image);

} // namespace StillImage
} // namespace cg
