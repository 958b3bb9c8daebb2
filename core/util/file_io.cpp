#include "core/util/file_io.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace conlab {
namespace {

std::string reason(int error) { return std::strerror(error); }

std::string directory_of(const std::string &path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos)
    return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

} // namespace

bool read_text_file(const std::string &path, std::string &contents, std::string &error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = "cannot read " + path + ": " + reason(errno);
    return false;
  }
  contents.clear();
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
    ::close(fd);
    error = "cannot read " + path + ": " + reason(EISDIR);
    return false;
  }
  if (info.st_size > 0)
    contents.reserve(static_cast<std::size_t>(info.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0)
      break;
    if (n < 0) {
      if (errno == EINTR)
        continue;
      error = "cannot read " + path + ": " + reason(errno);
      ::close(fd);
      return false;
    }
    contents.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return true;
}

void write_file_atomically(const std::string &path, std::string_view contents) {
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  const auto fail = [&](int error, bool created) {
    if (created)
      ::unlink(temp.c_str());
    throw std::runtime_error("cannot write " + path + ": " + reason(error));
  };
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0)
    fail(errno, false);
  const char *data = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : EIO;
      ::close(fd);
      fail(error, true);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    fail(error, true);
  }
  if (::close(fd) != 0)
    fail(errno, true);
  if (::rename(temp.c_str(), path.c_str()) != 0)
    fail(errno, true);
  // Make the rename itself durable; a failure here does not undo a complete, renamed file.
  const int dir = ::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

} // namespace conlab
