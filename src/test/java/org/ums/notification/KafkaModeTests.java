package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ums.support.Api.body;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.ums.UmsApplication;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.KafkaBroker;
import org.ums.support.MailInbox;
import org.ums.support.MailInbox.ReceivedEmail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka mode, against an in-JVM broker: the same emails as in process, through topics; what cannot be
 * read lands in the dead-letter topic and the delivery log; two instances share the work and send each email
 * once.
 */
@ExtendWith(MailInbox.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaModeTests {

  private static final String PASSWORD = "a long enough secret";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private String databaseUrl;
  private ConfigurableApplicationContext first;
  private Api api;

  @BeforeAll
  void startFirstInstance() {
    databaseUrl = TestDatabases.fresh("ums_kafka_mode");
    first = start();
    api = api(first);
  }

  @AfterAll
  void stop() {
    first.close();
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(UmsApplication.class).profiles("test").run(
        "--server.port=0",
        "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=" + TestDatabases.user(),
        "--spring.datasource.password=" + TestDatabases.password(),
        "--ums.notification.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
        "--ums.notification.kafka.partitions=2",
        "--ums.notification.kafka.concurrency=2",
        "--ums.notification.retry.max-attempts=10");
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @Test
  void everyEventKindSendsExactlyOneEmailThroughItsTopic() {
    String email = Emails.unique("kafka");
    var member = api.registerVerifiedMember(email, PASSWORD);
    String admin = api.loginAsAdmin();
    assertThat(api.post("/users/" + member.id() + "/lock", admin).status()).isEqualTo(200);
    MailInbox.awaitMessage(email, 2);
    assertThat(api.post("/users/" + member.id() + "/unlock", admin).status()).isEqualTo(200);
    MailInbox.awaitMessage(email, 3);
    assertThat(api.putJson("/users/" + member.id(), body("role", "MANAGER"), admin).status()).isEqualTo(200);
    ReceivedEmail changed = MailInbox.awaitMessage(email, 4);
    assertThat(changed.text()).contains("from AUTHENTICATED to MANAGER");
    String professional = "/users/" + member.id() + "/professional-status";
    assertThat(api.putJson(professional, body("is_professional", true), admin).status()).isEqualTo(200);
    MailInbox.awaitMessage(email, 5);
    assertThat(api.putJson(professional, body("is_professional", false), admin).status()).isEqualTo(200);
    MailInbox.awaitMessage(email, 6);

    await().atMost(Duration.ofSeconds(20)).until(() -> sentKinds(email).size() == 6);
    assertThat(sentKinds(email)).containsExactlyInAnyOrder("email_verification", "account_locked",
        "account_unlocked", "role_changed", "professional_status_granted", "professional_status_revoked");
    assertThat(MailInbox.messagesTo(email)).extracting(ReceivedEmail::subject).containsExactly(
        "Verify your email address", "Your account is locked", "Your account is unlocked", "Your role has changed",
        "You now have professional status", "Your professional status was removed");

    // What other systems see on the topic: a versioned JSON document keyed by the user id.
    JsonNode locked = JSON.readTree(lastValueFor(AccountEventMessage.LOCKED, member.id()));
    assertThat(locked.get("schema_version").asInt()).isEqualTo(1);
    assertThat(locked.get("type").asString()).isEqualTo("ums.user.locked");
    assertThat(locked.get("user_id").asString()).isEqualTo(member.id());
    assertThat(locked.get("event_id").asString()).isNotBlank();
    assertThat(locked.get("occurred_at").asString()).isNotBlank();
  }

  @Test
  void aConsoleRunPublishesToTheTopicsAndLeavesTheConsumingToTheServer() {
    String email = Emails.unique("kafka-console");
    var member = api.registerVerifiedMember(email, PASSWORD);
    // The modules as the console starts them: its profile, no web server; another partition count than the server's
    // would add partitions under the server's consumers if the console managed topics.
    try (var console = new SpringApplicationBuilder(UmsApplication.class)
        .web(org.springframework.boot.WebApplicationType.NONE).profiles("test", "console").run(
            "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + TestDatabases.user(),
            "--spring.datasource.password=" + TestDatabases.password(),
            "--ums.notification.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
            "--ums.notification.kafka.partitions=6")) {
      assertThat(console.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers())
          .isNotEmpty().noneMatch(MessageListenerContainer::isRunning);
      var out = new java.io.StringWriter();
      int code = org.ums.admincli.AdminConsole.run(console, java.io.InputStream.nullInputStream(),
          new java.io.PrintWriter(out), new java.io.PrintWriter(out), java.util.Locale.ENGLISH, "kafka-operator",
          "set-role", "--email", email, "--role", "MANAGER", "--reason", "Promoted at the console");
      assertThat(code).as(out.toString()).isZero();
      // The server's consumers send it; the console only published.
      assertThat(MailInbox.awaitMessage(email, 2).text()).contains("Promoted at the console");
    }
    JsonNode changed = JSON.readTree(lastValueFor(AccountEventMessage.ROLE_CHANGED, member.id()));
    assertThat(changed.get("data").get("changed_by").asString()).isEqualTo("00000000-0000-0000-0000-000000000000");
    assertThat(changed.get("data").get("new_role").asString()).isEqualTo("MANAGER");
  }

  @Test
  void emailsRegisteredDuringAnSmtpOutageArriveOnceThroughTheRetryTopics() {
    List<String> emails = new ArrayList<>();
    MailInbox.outage(() -> {
      for (int i = 0; i < 5; i++) {
        String email = Emails.unique("kafka-outage" + i);
        emails.add(email);
        assertThat(api.postJson("/register/", body("email", email, "password", PASSWORD)).status()).isEqualTo(201);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> jdbc().sql("select count(*) from "
          + "notification_deliveries where recipient in (:emails) and attempts >= 1 and status = 'queued'")
          .param("emails", emails).query(Long.class).single() == emails.size());
    });
    for (String email : emails) {
      MailInbox.awaitMessage(email);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc().sql("select count(*) from notification_deliveries "
        + "where recipient in (:emails) and status = 'sent'").param("emails", emails).query(Long.class).single()
        == emails.size());
    for (String email : emails) {
      assertThat(MailInbox.messagesTo(email)).as(email).hasSize(1);
    }
  }

  @Test
  void poisonMessageLandsInTheDeadLetterTopicAndInTheDeliveryLogAsFailed() throws Exception {
    String userId = UUID.randomUUID().toString();
    try (var producer = new KafkaProducer<String, byte[]>(producerSettings())) {
      producer.send(new ProducerRecord<>(AccountEventMessage.LOCKED, userId,
          "{\"schema_version\": 1, \"type\": ".getBytes(StandardCharsets.UTF_8))).get();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc().sql("select count(*) from notification_deliveries"
        + " where user_id = cast(:userId as uuid) and status = 'failed' and kind = 'unreadable_message'")
        .param("userId", userId).query(Long.class).single() == 1);
    String reason = jdbc().sql("select last_error from notification_deliveries where user_id = cast(:userId as uuid)")
        .param("userId", userId).query(String.class).single();
    assertThat(reason).startsWith("Unreadable message on ums.user.locked");
    assertThat(lastValueFor(AccountEventMessage.LOCKED + "-dlt", userId)).isNotNull();
  }

  @Test
  void twoInstancesShareThePartitionsAndSendEachEmailOnce() {
    try (var second = start()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> hasPartitions(first) && hasPartitions(second));
      var apis = List.of(api, api(second));
      List<String> emails = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String email = Emails.unique("shared" + i);
        emails.add(email);
        assertThat(apis.get(i % 2).postJson("/register/", body("email", email, "password", PASSWORD)).status())
            .isEqualTo(201);
      }
      for (String email : emails) {
        MailInbox.awaitMessage(email);
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> jdbc().sql("select count(*) from "
          + "notification_deliveries where recipient in (:emails) and status = 'sent'")
          .param("emails", emails).query(Long.class).single() == emails.size());
      for (String email : emails) {
        assertThat(MailInbox.messagesTo(email)).as(email).hasSize(1);
      }
    }
  }

  private static boolean hasPartitions(ConfigurableApplicationContext context) {
    MessageListenerContainer container = context.getBean(KafkaListenerEndpointRegistry.class)
        .getListenerContainer(KafkaNotifications.GROUP);
    return container != null && container.getAssignedPartitions() != null
        && !container.getAssignedPartitions().isEmpty();
  }

  private JdbcClient jdbc() {
    return JdbcClient.create(first.getBean(javax.sql.DataSource.class));
  }

  private List<String> sentKinds(String email) {
    return jdbc().sql("select kind from notification_deliveries where recipient = :email and status = 'sent'")
        .param("email", email).query(String.class).list();
  }

  /** The value of the newest message on {@code topic} with {@code key}, read by an outside subscriber. */
  private static byte[] lastValueFor(String topic, String key) {
    var settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, "outside-" + UUID.randomUUID());
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    try (var consumer = new KafkaConsumer<String, byte[]>(settings)) {
      consumer.subscribe(List.of(topic));
      byte[][] found = new byte[1][];
      await().atMost(Duration.ofSeconds(20)).until(() -> {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            found[0] = record.value();
          }
        }
        return found[0] != null;
      });
      return found[0];
    }
  }

  private static Map<String, Object> producerSettings() {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
  }
}
