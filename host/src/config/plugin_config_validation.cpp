#include "config/plugin_config_validation.hpp"

#include <charconv>
#include <string_view>

namespace caisse::host::config {
namespace {

const char* type_name(caisse_config_type_t type) {
  switch (type) {
    case CAISSE_CONFIG_TYPE_STRING:
      return "a string";
    case CAISSE_CONFIG_TYPE_INTEGER:
      return "an integer";
    case CAISSE_CONFIG_TYPE_BOOLEAN:
      return "true or false";
  }
  return "an unknown type";
}

std::string found_type(const PluginConfigEntry& entry) {
  struct Name {
    std::string operator()(const std::string&) const { return "a string"; }
    std::string operator()(std::int64_t) const { return "an integer"; }
    std::string operator()(bool) const { return "a boolean"; }
    std::string operator()(const UnsupportedValue& v) const { return "a " + v.toml_type; }
  };
  return std::visit(Name{}, entry.value);
}

// The schema's default, in TOML literal form; the loader refused plugins whose defaults do not
// parse (plugins::check_config_schema), so this cannot fail for a loaded plugin.
ResolvedValue default_value(const caisse_config_field_t& field) {
  std::string_view literal = field.default_value;
  switch (field.type) {
    case CAISSE_CONFIG_TYPE_INTEGER: {
      std::int64_t value = 0;
      std::from_chars(literal.data(), literal.data() + literal.size(), value);
      return {value, false};
    }
    case CAISSE_CONFIG_TYPE_BOOLEAN:
      return {literal == "true", false};
    case CAISSE_CONFIG_TYPE_STRING:
      break;
  }
  return {std::string(literal), false};
}

class BlockChecker {
 public:
  BlockChecker(const PluginBlock& block, const caisse_plugin_t& descriptor)
      : block_(block), descriptor_(descriptor) {}

  Result<ResolvedPluginConfig> run() {
    out_.http_allow = block_.http_allow;
    for (const auto& entry : block_.config) check_entry(entry);
    for (std::size_t i = 0; i < descriptor_.config_field_count; ++i) {
      const caisse_config_field_t& field = descriptor_.config_fields[i];
      if (out_.values.count(field.name) > 0 || seen(field.name)) continue;
      if ((field.flags & CAISSE_CONFIG_REQUIRED) != 0) {
        fail(block_.where, field.name,
             std::string("missing: plugin ") + descriptor_.name + " requires it (" +
                 type_name(field.type) + ")");
      } else if (field.default_value != nullptr) {
        out_.values.emplace(field.name, default_value(field));
      }
    }
    if (!errors_.empty()) return make_error(errors_);
    return std::move(out_);
  }

 private:
  bool seen(std::string_view key) const {
    for (const auto& entry : block_.config) {
      if (entry.key == key) return true;
    }
    return false;
  }

  const caisse_config_field_t* declared(std::string_view key) const {
    for (std::size_t i = 0; i < descriptor_.config_field_count; ++i) {
      if (key == descriptor_.config_fields[i].name) return &descriptor_.config_fields[i];
    }
    return nullptr;
  }

  std::string known_fields() const {
    std::string out;
    for (std::size_t i = 0; i < descriptor_.config_field_count; ++i) {
      out += (i == 0 ? "" : ", ") + std::string(descriptor_.config_fields[i].name);
    }
    return out.empty() ? "none" : out;
  }

  void fail(const SourcePosition& where, std::string_view key, const std::string& message) {
    if (!errors_.empty()) errors_ += '\n';
    errors_ +=
        where.to_string() + ": " + block_.key_path + ".config." + std::string(key) + ": " + message;
  }

  void check_entry(const PluginConfigEntry& entry) {
    const caisse_config_field_t* field = declared(entry.key);
    if (field == nullptr) {
      fail(entry.where, entry.key,
           std::string("unknown key for plugin ") + descriptor_.name +
               " (known: " + known_fields() + ")");
      return;
    }
    const bool type_ok =
        (field->type == CAISSE_CONFIG_TYPE_STRING &&
         std::holds_alternative<std::string>(entry.value)) ||
        (field->type == CAISSE_CONFIG_TYPE_INTEGER &&
         std::holds_alternative<std::int64_t>(entry.value)) ||
        (field->type == CAISSE_CONFIG_TYPE_BOOLEAN && std::holds_alternative<bool>(entry.value));
    if (!type_ok) {
      fail(entry.where, entry.key,
           std::string("expected ") + type_name(field->type) + ", found " + found_type(entry));
      return;
    }
    if ((field->flags & CAISSE_CONFIG_SECRET) == 0) {
      std::visit(
          [&](const auto& v) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(v)>, UnsupportedValue>) {
              out_.values.emplace(entry.key, ResolvedValue{v, false});
            }
          },
          entry.value);
      return;
    }
    auto ref = SecretRef::parse(std::get<std::string>(entry.value), block_.base_dir, false);
    if (!ref) {
      fail(entry.where, entry.key, ref.error().message);
      return;
    }
    auto value = ref->resolve();
    if (!value) {
      fail(entry.where, entry.key, value.error().message);
      return;
    }
    out_.values.emplace(entry.key, ResolvedValue{std::move(value.value()), true});
  }

  const PluginBlock& block_;
  const caisse_plugin_t& descriptor_;
  ResolvedPluginConfig out_;
  std::string errors_;
};

}  // namespace

Result<ResolvedPluginConfig> validate_plugin_config(const PluginBlock& block,
                                                    const caisse_plugin_t& descriptor) {
  return BlockChecker(block, descriptor).run();
}

}  // namespace caisse::host::config
