package io.omendb.adapter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the {@code options} startup parameter ({@code PGOPTIONS}, pgjdbc's {@code options}) into settings:
 * {@code -c name=value} and {@code --name=value}, separated by spaces; a backslash escapes the next character (a
 * space inside a value). Anything else is ignored, as settings PostgreSQL itself would reject are.
 */
final class StartupOptions {
  private StartupOptions() {}

  static Map<String, String> parse(String options) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (options == null) {
      return settings;
    }
    String[] words = split(options);
    for (int i = 0; i < words.length; i++) {
      String assignment = null;
      if (words[i].equals("-c") && i + 1 < words.length) {
        assignment = words[++i];
      } else if (words[i].startsWith("-c") && words[i].length() > 2) {
        assignment = words[i].substring(2);
      } else if (words[i].startsWith("--")) {
        assignment = words[i].substring(2);
      }
      int eq = assignment == null ? -1 : assignment.indexOf('=');
      if (eq > 0) {
        settings.put(assignment.substring(0, eq).replace('-', '_'), assignment.substring(eq + 1));
      }
    }
    return settings;
  }

  private static String[] split(String options) {
    java.util.List<String> words = new java.util.ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < options.length(); i++) {
      char c = options.charAt(i);
      if (c == '\\' && i + 1 < options.length()) {
        word.append(options.charAt(++i));
      } else if (Character.isWhitespace(c)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words.toArray(new String[0]);
  }
}
