#include "OcioVersion.h"

#include <OpenColorIO/OpenColorIO.h>

namespace cg {
QString ocioVersion()
{
    return QString::fromLatin1(OCIO_NAMESPACE::GetVersion());
}
} // namespace cg
