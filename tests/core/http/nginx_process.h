// A private nginx for tests and benches: a temporary prefix and config, a free loopback port,
// started in the foreground as a child process and stopped (and reaped) by the destructor.
// Header-only so that bench/ can use it too.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace conlab::test {

class NginxProcess {
public:
  // The nginx binary, or "" when it is not installed.
  static std::string find_binary() {
    for (const char *path : {"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"})
      if (::access(path, X_OK) == 0)
        return path;
    return "";
  }

  // Starts nginx with `workers` worker processes. ok() says whether it is answering; error()
  // says why not.
  explicit NginxProcess(int workers = 1) {
    m_binary = find_binary();
    if (m_binary.empty()) {
      m_error = "nginx is not installed (apt-get install nginx; scripts/setup-deps does it)";
      return;
    }
    char dir[] = "/tmp/conlab-nginx-XXXXXX";
    if (!::mkdtemp(dir)) {
      m_error = "cannot create a temporary directory";
      return;
    }
    m_prefix = dir;
    std::filesystem::create_directories(m_prefix / "www");
    std::ofstream(m_prefix / "www" / "index.html") << "hello from nginx\n";
    for (int attempt = 0; attempt < 3 && !ok(); ++attempt)
      launch(workers);
  }
  ~NginxProcess() {
    stop();
    std::error_code ec;
    if (!m_prefix.empty())
      std::filesystem::remove_all(m_prefix, ec);
  }
  NginxProcess(const NginxProcess &) = delete;
  NginxProcess &operator=(const NginxProcess &) = delete;

  bool ok() const { return m_pid > 0 && m_port > 0; }
  const std::string &error() const { return m_error; }
  std::uint16_t port() const { return m_port; }
  std::string url(const std::string &path) const {
    return "http://127.0.0.1:" + std::to_string(m_port) + path;
  }

  void stop() {
    if (m_pid <= 0)
      return;
    ::kill(m_pid, SIGTERM); // fast shutdown of master and workers
    int status = 0;
    for (int i = 0; i < 100 && ::waitpid(m_pid, &status, WNOHANG) == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (::waitpid(m_pid, &status, WNOHANG) == 0) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, &status, 0);
    }
    m_pid = -1;
  }

private:
  static std::uint16_t free_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(
        io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return a.local_endpoint().port();
  }

  bool answering(std::uint16_t port) const {
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket s(io);
    boost::system::error_code ec;
    s.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
    return !ec;
  }

  void launch(int workers) {
    const std::uint16_t port = free_port();
    const std::string p = m_prefix.string();
    const std::string conf = p + "/nginx.conf";
    std::ofstream out(conf);
    if (::geteuid() == 0)
      out << "user root;\n"; // workers must read the private prefix
    out << "worker_processes " << workers << ";\ndaemon off;\nmaster_process on;\n"
        << "pid " << p << "/nginx.pid;\nerror_log " << p << "/error.log warn;\n"
        << "events { worker_connections 4096; }\n"
        << "http {\n  access_log off;\n  keepalive_requests 100000;\n"
        << "  client_body_temp_path " << p << "/body;\n  proxy_temp_path " << p << "/proxy;\n"
        << "  fastcgi_temp_path " << p << "/fastcgi;\n  uwsgi_temp_path " << p << "/uwsgi;\n"
        << "  scgi_temp_path " << p << "/scgi;\n"
        << "  server {\n    listen 127.0.0.1:" << port << ";\n"
        << "    location = /hello { default_type text/plain; return 200 \"hello\\n\"; }\n"
        << "    location / { root " << p << "/www; }\n  }\n}\n";
    out.close();
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::execl(m_binary.c_str(), m_binary.c_str(), "-p", p.c_str(), "-c", conf.c_str(),
              static_cast<char *>(nullptr));
      ::_exit(127);
    }
    if (pid < 0) {
      m_error = "fork failed";
      return;
    }
    m_pid = pid;
    for (int i = 0; i < 250; ++i) { // up to 5 s
      if (answering(port)) {
        m_port = port;
        return;
      }
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) { // exited: e.g. the port was taken
        m_pid = -1;
        std::ifstream log(p + "/error.log");
        m_error.assign(std::istreambuf_iterator<char>(log), {});
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    m_error = "nginx did not answer within 5 s";
    stop();
  }

  std::string m_binary;
  std::filesystem::path m_prefix;
  std::string m_error;
  pid_t m_pid = -1;
  std::uint16_t m_port = 0;
};

} // namespace conlab::test
