// Help → About: what the lab is, its version, how this binary was built (to paste into a bug
// report) and the licences of the libraries it is made of.
#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace conlab::ui {

// One "name: value" line per fact: version, commit, build type, compiler, Qt (build and run
// time), Boost, QCoro, OS.
QString build_info_text();

// The lab's licence and each library's, as HTML with links to the texts.
QString licences_html();

class AboutDialog : public QDialog {
  Q_OBJECT
public:
  explicit AboutDialog(QWidget *parent = nullptr);

  // Puts build_info_text() on the clipboard (the dialog's "Copy build info" button).
  void copy_build_info() const;

private:
  QPlainTextEdit *m_build_info;
};

} // namespace conlab::ui
