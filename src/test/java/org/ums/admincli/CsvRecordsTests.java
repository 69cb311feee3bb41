package org.ums.admincli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import's CSV reader: RFC 4180 records with the line each starts on, and what it refuses. */
class CsvRecordsTests {

  @Test
  void readsQuotedFieldsAndCountsLinesWhateverTheLineEnds() throws IOException {
    var records = read("a,b\r\"x, y\",\"two\r\nlines\"\n\n\"say \"\"hi\"\"\",\r\nlast,one", 100);

    assertThat(records).extracting(CsvRecords.CsvRecord::line).containsExactly(1L, 2L, 5L, 6L);
    assertThat(records.get(1).fields()).containsExactly("x, y", "two\nlines");
    assertThat(records.get(2).fields()).containsExactly("say \"hi\"", "");
    assertThat(records.get(3).fields()).containsExactly("last", "one");
  }

  @Test
  void aTooLongRowCostsOnlyItselfEvenWhenItIsCommasOrAQuotedFieldOverSeveralLines() throws IOException {
    var records = read("a,b\n" + ",".repeat(5000) + "\n\"" + "long\n".repeat(2000) + "\",x\nnext,row\n", 1000);

    assertThat(records).extracting(CsvRecords.CsvRecord::line).containsExactly(1L, 2L, 3L, 2004L);
    assertThat(records.get(1).problemKey()).isEqualTo("console.import.record-too-long");
    assertThat(records.get(2).problemKey()).isEqualTo("console.import.record-too-long");
    assertThat(records.get(3).fields()).containsExactly("next", "row");
  }

  @Test
  void aFiftyMegabyteLineOfCommasIsReadInConstantMemory() throws IOException {
    byte[] chunk = ",".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
    InputStream huge = new SequenceInputStream(Collections.enumeration(Collections.nCopies(50, (InputStream) null)
        .stream().map(ignored -> (InputStream) new ByteArrayInputStream(chunk)).toList()));
    InputStream input = new SequenceInputStream(huge, new ByteArrayInputStream("\nok,1\n".getBytes()));
    Runtime runtime = Runtime.getRuntime();
    long before = runtime.totalMemory() - runtime.freeMemory();

    try (var reader = new CsvRecords(input, 16 * 1024)) {
      var tooLong = reader.next();
      long during = runtime.totalMemory() - runtime.freeMemory();
      assertThat(tooLong.problemKey()).isEqualTo("console.import.record-too-long");
      assertThat(reader.next().fields()).containsExactly("ok", "1");
      // Fifty million empty fields would take more than a gigabyte.
      assertThat(during - before).isLessThan(200L * 1024 * 1024);
    }
  }

  @Test
  void badBytesUnclosedQuotesAndStrayQuotesAreReportedByRecord() throws IOException {
    byte[] bytes = "a\n\u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    var latin = read(new ByteArrayInputStream(bytes), 100);
    var quotes = read("a\nab\"c\nok\n\"open", 100);

    assertThat(latin.get(1).problemKey()).isEqualTo("console.import.not-utf8");
    assertThat(quotes).extracting(CsvRecords.CsvRecord::problemKey)
        .containsExactly(null, "console.import.stray-quote", null, "console.import.unclosed-quote");
  }

  @Test
  void aByteOrderMarkIsSkippedAndProgressCountsWhatWasConsumed() throws IOException {
    byte[] text = "\uFEFFemail\nx@example.com\n".getBytes(StandardCharsets.UTF_8);
    try (var reader = new CsvRecords(new ByteArrayInputStream(text), 100)) {
      assertThat(reader.next().fields()).containsExactly("email");
      assertThat(reader.bytesRead()).isEqualTo(3 + 6);
      assertThat(reader.next().fields()).containsExactly("x@example.com");
      assertThat(reader.bytesRead()).isEqualTo(text.length);
    }
  }

  private static List<CsvRecords.CsvRecord> read(String text, int max) throws IOException {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  private static List<CsvRecords.CsvRecord> read(InputStream in, int max) throws IOException {
    var records = new ArrayList<CsvRecords.CsvRecord>();
    try (var reader = new CsvRecords(in, max)) {
      for (var record = reader.next(); record != null; record = reader.next()) {
        records.add(record);
      }
    }
    return records;
  }
}
