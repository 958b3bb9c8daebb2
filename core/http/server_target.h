// One server for a whole experiment: `conlab-cli run FILE --target http://HOST:PORT` sends each
// variant's tasks as requests to HOST:PORT/<label> (the article's /a … /d), under the experiment's
// own load, so that every measurement stands beside the prediction for the variant's model.
#pragma once

#include "core/experiment/spec.h"
#include "core/util/field_error.h"

#include <string_view>
#include <vector>

namespace conlab::http {

// Points every variant at `base` + its label. A base with a path prefixes it
// (http://h:8000/api → http://h:8000/api/a). The problems, each naming its field: a base that is
// not a plain http URL ("--target"), a label that is not a URL path starting with '/'
// ("variants[2].label"). A real server runs at its own speed, so the experiment's time scale is
// set to 1; `scaled_from` says what it was (1 when nothing changed).
std::vector<FieldError> aim_at_server(Experiment &experiment, std::string_view base,
                                      double &scaled_from);

} // namespace conlab::http
