// Page breaks for the PDF report, as pure geometry: boxes of known height (a heading, a table
// row, a chart with its title and caption) go onto pages of a given height, never split, a box
// marked keep-with-next never last on its page, a table's header repeated above rows that
// continue on a new page.
#pragma once

#include <vector>

namespace conlab::ui {

struct PageBox {
  double height = 0;
  double space_before = 0;     // dropped at the top of a page
  bool keep_with_next = false; // a heading: on the same page as what follows it
  int repeat_header = -1;      // a table row: the index of its table's header box
};

struct Placement {
  int box = 0;  // index into the boxes
  int page = 0; // from 0
  double y = 0; // the box's top, from the top of the page's content area
};

// Every box once, in order, plus repeated table headers. A box taller than a page gets a page
// of its own (and overflows it); nothing else does.
std::vector<Placement> paginate(const std::vector<PageBox> &boxes, double page_height);

} // namespace conlab::ui
