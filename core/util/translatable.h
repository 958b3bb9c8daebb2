// Marks a fixed English text of the core that the desktop lab shows translated. The core stays
// English and free of Qt: the macro is the text itself. Qt's lupdate is told to read it as
// QT_TRANSLATE_NOOP (ui/CMakeLists.txt), so the text lands in resources/translations/*.ts under
// `context`, and the desktop lab looks it up with QCoreApplication::translate(context, text).
#pragma once

#define CONLAB_TRANSLATABLE(context, text) text
