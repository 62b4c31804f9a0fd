-- Workload (f): what BenchRunner reads from wrk, printed when the run is done. Three lines:
--   wrk_summary requests=N duration_us=D bytes=B connect_errors=.. read_errors=..
--               write_errors=.. status_errors=.. timeouts=..
--   wrk_percentiles_us p50=.. p99=..
--   wrk_latency_us step=0.05 values=V0,V1,...  latency (µs) at the percentile
--               100 * (1 - 10^-(i * step)), i = 0 .. 80: 0 %, ..., 99 %, ..., 99.99 %
done = function(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "wrk_summary requests=%d duration_us=%d bytes=%d connect_errors=%d read_errors=%d write_errors=%d status_errors=%d timeouts=%d\n",
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout))
   io.write(string.format("wrk_percentiles_us p50=%d p99=%d\n", latency:percentile(50), latency:percentile(99)))
   local values = {}
   for i = 0, 80 do
      local nines = i * 0.05
      values[#values + 1] = string.format("%d", latency:percentile(100 * (1 - 10 ^ -nines)))
   end
   io.write("wrk_latency_us step=0.05 values=" .. table.concat(values, ",") .. "\n")
end
