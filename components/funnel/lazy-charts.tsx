"use client";
// recharts is fetched only after the page is interactive and only on funnel pages: the numbers are
// already on the page as tables, so the first load carries none of the chart code.
import dynamic from "next/dynamic";

const placeholder = (height: number) => {
  function ChartPlaceholder() {
    return <div style={{ height }} className="animate-pulse rounded-lg bg-slate-50" />;
  }
  return ChartPlaceholder;
};

export const LazySeriesChart = dynamic(() => import("./charts").then((m) => m.SeriesChart), { ssr: false, loading: placeholder(280) });
export const LazyLtvCohortChart = dynamic(() => import("./charts").then((m) => m.LtvCohortChart), { ssr: false, loading: placeholder(240) });
