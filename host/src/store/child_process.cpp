#include "store/child_process.hpp"

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

namespace caisse::host::store {
namespace {

// Only async-signal-safe calls between fork and exec: everything is prepared in the parent.
[[noreturn]] void exec_child(char* const* argv, const SystemUser* as_user, int output_fd,
                             int null_fd, const std::string& exec_failed) {
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int signal_number = 1; signal_number < NSIG; ++signal_number) {
    signal(signal_number, SIG_DFL);  // SIGKILL/SIGSTOP refuse, harmlessly
  }
  if (dup2(null_fd, STDIN_FILENO) < 0 || dup2(output_fd, STDOUT_FILENO) < 0 ||
      dup2(output_fd, STDERR_FILENO) < 0) {
    _exit(126);
  }
  close_range(3, ~0U, 0);
  // Relative lookups must not depend on the caller's directory, which `postgres` may not enter.
  if (chdir("/") != 0) _exit(126);
  if (as_user != nullptr && (setgroups(as_user->groups.size(), as_user->groups.data()) != 0 ||
                             setgid(as_user->gid) != 0 || setuid(as_user->uid) != 0)) {
    const char message[] = "cannot switch to the PostgreSQL system user\n";
    [[maybe_unused]] auto ignored = write(STDERR_FILENO, message, sizeof message - 1);
    _exit(126);
  }
  execv(argv[0], argv);
  [[maybe_unused]] auto ignored = write(STDERR_FILENO, exec_failed.data(), exec_failed.size());
  _exit(127);
}

std::string read_all(int fd) {
  std::string output;
  char buffer[4096];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      output.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      return output;
    }
  }
}

}  // namespace

Result<CommandOutput> run_command(const std::vector<std::string>& argv, const SystemUser* as_user) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const std::string exec_failed = "cannot execute " + argv.at(0) + "\n";

  int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null_fd < 0) return make_error(std::string("cannot open /dev/null: ") + strerror(errno));
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    close(null_fd);
    return make_error(std::string("cannot create a pipe: ") + strerror(errno));
  }
  pid_t pid = fork();
  if (pid == 0) exec_child(args.data(), as_user, pipe_fds[1], null_fd, exec_failed);
  int fork_errno = errno;
  close(pipe_fds[1]);
  close(null_fd);
  if (pid < 0) {
    close(pipe_fds[0]);
    return make_error("cannot start " + argv[0] + ": " + strerror(fork_errno));
  }

  CommandOutput result;
  result.output = read_all(pipe_fds[0]);
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string output_tail(const std::string& output, std::size_t max_chars) {
  std::string_view text = output;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  if (text.size() <= max_chars) return std::string(text);
  return "…" + std::string(text.substr(text.size() - max_chars));
}

}  // namespace caisse::host::store
