<#ftl output_format="HTML">
<#-- Commits per day, ISO week or month (c.unit) as bars stacked by severity, laid out at build
     time (StackedBars): no script. Its title and summary sentence are its text alternative (the
     calendar or the list of days beside it its table); each bar's tooltip names its day, week or
     month and its counts. Only numbers and dates are written into it. -->
<#macro stackedBars c>
<#local unit = c.unit>
<div class="chart-box">
<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${c.width?c} ${c.height?c}" role="img" aria-labelledby="chart-title chart-desc">
<title id="chart-title">${t.chartTitle[unit]}</title>
<desc id="chart-desc">${chartSentence("", c)}<#if c.busiest??><#if site.lang == "en"> </#if>${fmt(t.chartBusiest[unit], chartName(c.busiest, unit), commitCount(c.busiest.commits))}</#if></desc>
<line class="chart-grid" x1="${c.left?c}" y1="${c.top?c}" x2="${c.width?c}" y2="${c.top?c}"/>
<line class="chart-axis" x1="${c.left?c}" y1="${c.baseline?c}" x2="${c.width?c}" y2="${c.baseline?c}"/>
<text class="chart-tick" x="${(c.left - 6)?c}" y="${(c.top + 4)?c}" text-anchor="end">${c.max?c}</text>
<text class="chart-tick" x="${(c.left - 6)?c}" y="${(c.baseline + 4)?c}" text-anchor="end">0</text>
<#list c.bars as b>
<#if b.key??><g><title>${chartSentence(chartName(b, unit) + " · ", b)}</title><#list b.parts as p><rect class="bar-${p.severity}" x="${b.x?c}" y="${p.y?c}" width="${c.barWidth?c}" height="${p.height?c}"/></#list></g>
</#if>
<#if b.label??><text class="chart-label" x="${b.labelX?c}" y="${(c.baseline + 19)?c}" text-anchor="middle">${b.label}</text>
</#if>
</#list>
</svg>
</div>
</#macro>
<#-- A bar's name: its date, its week ("2026 年第 6 周") or its month ("2026 年 2 月"). -->
<#function chartName b unit>
  <#if unit == "day"><#return b.key></#if>
  <#local year = b.key?keep_before("-")?number>
  <#if unit == "week"><#return periodName("weekly", {"year": year, "number": b.number})></#if>
  <#return monthName(year, b.number)>
</#function>
