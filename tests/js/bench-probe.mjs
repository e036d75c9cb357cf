const { ChatKitAnalytics } = await import("chatkit-glue");
const N = 20000;
for (let rep = 0; rep < 6; rep++) {
  const a = new ChatKitAnalytics({ sink: () => {}, batchSize: 50, maxQueue: 100_000 });
  const h = a.handlers();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) h.onLog({ name: "widget.click", data: { i, id: "w" + i } });
  const t1 = performance.now();
  await a.flush();
  const t2 = performance.now();
  const m = a.metrics(); a.dispose();
  console.log(rep, "sync", ((t1 - t0) * 1000 / N).toFixed(2), "total", ((t2 - t0) * 1000 / N).toFixed(2), "µs", m.sent);
}
