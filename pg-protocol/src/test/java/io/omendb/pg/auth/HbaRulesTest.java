package io.omendb.pg.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** pg_hba-style rules: parsing, first match wins, connection types, users, addresses. */
class HbaRulesTest {

  private static final String RULES = String.join("\n",
      "# TYPE     DATABASE USER          ADDRESS        METHOD",
      "host       all      all           127.0.0.1/32   trust",
      "hostnossl  all      all           all            reject   # no plain text from elsewhere",
      "hostssl    all      alice,carol   10.0.0.0/8     password",
      "hostssl    shop     all           10.0.0.0/8     reject",
      "hostssl    all      all           all            scram-sha-256",
      "");

  private final HbaRules rules = HbaRules.parse(RULES);

  @Test
  void match_firstMatchingRuleWins() throws Exception {
    assertThat(method(false, "127.0.0.1", "db", "anyone")).contains(AuthMethod.TRUST);
    assertThat(method(true, "127.0.0.1", "db", "anyone")).contains(AuthMethod.TRUST);
    assertThat(method(true, "10.1.2.3", "shop", "alice")).contains(AuthMethod.PASSWORD);
    assertThat(method(true, "10.1.2.3", "shop", "bob")).contains(AuthMethod.REJECT);
    assertThat(method(true, "10.1.2.3", "other", "bob")).contains(AuthMethod.SCRAM_SHA_256);
  }

  @Test
  void match_hostsslAndHostnossl_matchOnlyTheirTransport() throws Exception {
    assertThat(method(false, "192.168.1.1", "db", "alice")).contains(AuthMethod.REJECT);
    assertThat(method(true, "192.168.1.1", "db", "alice")).contains(AuthMethod.SCRAM_SHA_256);
  }

  @Test
  void match_noRule_isEmpty() throws Exception {
    HbaRules onlyLocal = HbaRules.parse("host all all 127.0.0.1/32 scram-sha-256");
    assertThat(onlyLocal.match(false, InetAddress.getByName("10.0.0.1"), "db", "alice")).isEmpty();
    assertThat(onlyLocal.match(false, InetAddress.getByName("::1"), "db", "alice")).as("IPv6 is another family")
        .isEmpty();
  }

  @Test
  void cidr_matchesByPrefix() throws Exception {
    Cidr net = Cidr.parse("192.168.16.0/20");
    assertThat(net.contains(InetAddress.getByName("192.168.31.255"))).isTrue();
    assertThat(net.contains(InetAddress.getByName("192.168.32.0"))).isFalse();
    assertThat(Cidr.parse("192.168.17.9/20")).hasToString("192.168.16.0/20");
    assertThat(Cidr.parse("::1").contains(InetAddress.getByName("::1"))).isTrue();
    assertThat(Cidr.parse("fd00::/8").contains(InetAddress.getByName("fd12::5"))).isTrue();
  }

  @Test
  void cidr_loopbackOnly() {
    assertThat(Cidr.parse("127.0.0.1/32").isLoopbackOnly()).isTrue();
    assertThat(Cidr.parse("127.0.0.0/8").isLoopbackOnly()).isTrue();
    assertThat(Cidr.parse("::1/128").isLoopbackOnly()).isTrue();
    assertThat(Cidr.parse("0.0.0.0/0").isLoopbackOnly()).isFalse();
  }

  @Test
  void parse_hostNames_areRefused() {
    assertThatThrownBy(() -> HbaRules.parse("host all all example.com scram-sha-256"))
        .hasMessageContaining("line 1").hasMessageContaining("host names are not accepted");
  }

  @Test
  void parse_md5_isRefused() {
    assertThatThrownBy(() -> HbaRules.parse("\n\nhost all all all md5"))
        .hasMessageContaining("line 3").hasMessageContaining("md5 is not supported");
  }

  @Test
  void parse_passwordOutsideHostssl_isRefused() {
    assertThatThrownBy(() -> HbaRules.parse("host all all all password"))
        .hasMessageContaining("only allowed in hostssl rules");
  }

  @Test
  void parse_wrongColumnCount_isRefused() {
    assertThatThrownBy(() -> HbaRules.parse("host all all scram-sha-256")).hasMessageContaining("5 columns");
    assertThatThrownBy(() -> HbaRules.parse("local all all trust x")).hasMessageContaining("connection type");
    assertThatThrownBy(() -> HbaRules.parse("host all all 10.0.0.0/33 trust")).hasMessageContaining("CIDR mask");
  }

  @Test
  void toString_roundTripsThroughParse() {
    assertThat(HbaRules.parse(rules.toString())).isEqualTo(rules);
    assertThat(rules.rules().get(2)).hasToString("hostssl all alice,carol 10.0.0.0/8 password");
  }

  @Test
  void hasTrust_andNeedsTls() {
    assertThat(rules.hasTrust()).isTrue();
    assertThat(rules.needsTls()).isTrue();
    assertThat(HbaRules.scramEverywhere().hasTrust()).isFalse();
    assertThat(HbaRules.scramEverywhere().needsTls()).isFalse();
  }

  private Optional<AuthMethod> method(boolean tls, String address, String database, String user) throws Exception {
    return rules.match(tls, InetAddress.getByName(address), database, user).map(HbaRule::method);
  }
}
