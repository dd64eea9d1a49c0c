import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.function.*;
import jdk.jfr.consumer.*;

/**
 * Sums one JFR recording of a phase of the ingest benchmark (docs/ingest-profile.md): execution
 * samples, or the time of another event (jdk.SocketRead, jdk.ThreadPark), by category (library of
 * the innermost non-JDK frame), thread, leaf frame, first non-JDK frame and innermost io.kam
 * frames; then the process's CPU seconds (jdk.CPULoad) and GC pauses in the window.
 *
 * <pre>
 * java deploy/bench/JfrSummary.java service.jfr [from HH:MM:SS UTC] [to] [event (jdk.ExecutionSample)]
 *     [io.kam frames deep (2)] [lines (20)]
 * </pre>
 */
public class JfrSummary {
  public static void main(String[] a) throws Exception {
    Path f = Path.of(a[0]);
    LocalTime lo = a.length > 1 ? LocalTime.parse(a[1]) : LocalTime.MIN;
    LocalTime hi = a.length > 2 ? LocalTime.parse(a[2]) : LocalTime.MAX;
    String type = a.length > 3 ? a[3] : "jdk.ExecutionSample";
    int depth = a.length > 4 ? Integer.parseInt(a[4]) : 2;
    int top = a.length > 5 ? Integer.parseInt(a[5]) : 20;
    Map<String, Long> cats = new HashMap<>(), kam = new HashMap<>(), nonjdk = new HashMap<>(), threads = new HashMap<>(), leaf = new HashMap<>();
    long n = 0;
    double dur = 0, cpu = 0, gcPauses = 0;
    int cores = Runtime.getRuntime().availableProcessors();
    try (RecordingFile rf = new RecordingFile(f)) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        LocalTime t = LocalTime.ofInstant(e.getStartTime(), ZoneOffset.UTC);
        if (t.isBefore(lo) || t.isAfter(hi)) continue;
        String name = e.getEventType().getName();
        if (name.equals("jdk.CPULoad")) { // fractions of the whole machine, one event a second
          cpu += (e.getFloat("jvmUser") + e.getFloat("jvmSystem")) * cores;
        } else if (name.equals("jdk.GarbageCollection")) {
          gcPauses += e.getDuration("sumOfPauses").toNanos() / 1e6;
        }
        if (!name.equals(type)) continue;
        RecordedStackTrace st = e.getStackTrace();
        if (st == null || st.getFrames().isEmpty()) continue;
        List<RecordedFrame> fr = st.getFrames();
        n++;
        double w = type.equals("jdk.ExecutionSample") ? 1 : e.getDuration().toNanos() / 1e6;
        dur += w;
        long wl = Math.round(w * 1000);
        List<String> names = new ArrayList<>();
        for (RecordedFrame x : fr) names.add(x.getMethod().getType().getName());
        add(cats, cat(names), wl);
        add(leaf, names.get(0) + "." + fr.get(0).getMethod().getName(), wl);
        List<String> k = new ArrayList<>();
        String nj = null;
        for (RecordedFrame x : fr) {
          String tn = x.getMethod().getType().getName();
          if (nj == null && !(tn.startsWith("java.") || tn.startsWith("jdk.") || tn.startsWith("sun."))) nj = tn + "." + x.getMethod().getName();
          if (tn.startsWith("io.kam") && !tn.contains("$$Lambda") && !tn.contains("_Subclass") && !tn.contains("_ClientProxy") && !tn.contains("Lambda$")) {
            String s = tn.substring(tn.lastIndexOf('.') + 1) + "." + x.getMethod().getName();
            if (k.isEmpty() || !k.get(k.size() - 1).equals(s)) k.add(s);
          }
        }
        add(nonjdk, nj == null ? "(jdk only)" : nj, wl);
        add(kam, k.isEmpty() ? "(no io.kam frame)" : String.join(" < ", k.subList(0, Math.min(depth, k.size()))), wl);
        RecordedThread th = e.hasField("sampledThread") ? e.getThread("sampledThread") : null;
        if (th == null) th = e.getThread();
        String tn = th == null ? "?" : (th.getJavaName() != null ? th.getJavaName() : th.getOSName());
        add(threads, tn.replaceAll("[0-9]+", "#"), wl);
      }
    }
    String unit = type.equals("jdk.ExecutionSample") ? "samples" : "ms";
    System.out.printf("%s %s..%s: %d events, total %.0f %s%n", type, lo, hi, n, dur, unit);
    print("category", cats, 16, dur);
    print("thread", threads, 8, dur);
    print("leaf frame", leaf, 12, dur);
    print("first non-JDK frame", nonjdk, top, dur);
    print("io.kam frames (innermost first)", kam, top, dur);
    System.out.printf(
        "process CPU %.1f s (jdk.CPULoad, %d cores of this machine), GC pauses %.0f ms%n",
        cpu, cores, gcPauses);
  }
  static void add(Map<String, Long> m, String k, long w) { m.merge(k, w, Long::sum); }
  static void print(String title, Map<String, Long> m, int k, double total) {
    System.out.println("-- " + title);
    m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(k)
        .forEach(e -> System.out.printf("%9.0f %5.1f%%  %s%n", e.getValue() / 1000.0, 100.0 * e.getValue() / 1000.0 / Math.max(total, 1), e.getKey()));
  }
  static String cat(List<String> names) {
    String[][] own = {{"org.postgresql", "pg-jdbc"}, {"org.hibernate", "hibernate"}, {"com.fasterxml.jackson", "jackson"},
      {"com.networknt", "json-schema"}, {"org.apache.kafka", "kafka-client"}, {"io.netty", "netty"}, {"io.vertx", "vertx"},
      {"io.opentelemetry", "otel"}, {"io.micrometer", "micrometer"}, {"io.agroal", "agroal"}, {"com.arjuna", "narayana"},
      {"io.smallrye", "smallrye"}, {"io.quarkus", "quarkus"}, {"io.kam", "kam"}, {"org.jboss", "jboss"}};
    for (String n : names) {
      if (n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.")) continue;
      for (String[] o : own) if (n.startsWith(o[0])) return o[1];
      return "other:" + n;
    }
    return "jdk only";
  }
}
