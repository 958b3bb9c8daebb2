#include "ui/report/report_pagination.h"

#include <cstddef>

namespace conlab::ui {
namespace {

// The height a run of keep-with-next boxes starting at `first` needs, up to and including the
// first box that is not keep-with-next (space before the first box not counted).
double chain_height(const std::vector<PageBox> &boxes, std::size_t first) {
  double height = boxes[first].height;
  for (std::size_t i = first; i + 1 < boxes.size() && boxes[i].keep_with_next; ++i)
    height += boxes[i + 1].space_before + boxes[i + 1].height;
  return height;
}

} // namespace

std::vector<Placement> paginate(const std::vector<PageBox> &boxes, double page_height) {
  std::vector<Placement> placed;
  int page = 0;
  double y = 0;         // 0: nothing on this page yet
  int header_page = -1; // the page the current table's header was last placed on
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const PageBox &box = boxes[i];
    const double needed = chain_height(boxes, i);
    const double space = y > 0 ? box.space_before : 0;
    // A chain that cannot fit on any page breaks where it must; one that can starts a page.
    const bool chain_fits_a_page = needed <= page_height;
    if (y > 0 && (y + space + (chain_fits_a_page ? needed : box.height) > page_height)) {
      ++page;
      y = 0;
    }
    if (box.repeat_header >= 0 && header_page != page) {
      const auto header = static_cast<std::size_t>(box.repeat_header);
      placed.push_back({box.repeat_header, page, y});
      y += boxes[header].height;
      header_page = page;
    }
    y += y > 0 ? box.space_before : 0;
    placed.push_back({static_cast<int>(i), page, y});
    y += box.height;
    if (box.keep_with_next && i + 1 < boxes.size() &&
        boxes[i + 1].repeat_header == static_cast<int>(i))
      header_page = page; // a table's header, placed above its first row
  }
  return placed;
}

} // namespace conlab::ui
