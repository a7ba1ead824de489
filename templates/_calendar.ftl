<#ftl output_format="HTML">
<#-- The parts of the calendar pages (home, month, year). -->
<#-- A day's counts; a severity without commits gets no chip. -->
<#macro counts d>
<span class="counts"><span class="count">${commitCount(d.commits)}</span><#list ["high", "medium", "low"] as k><#if (d[k] > 0)> <span class="chip chip-${k}" title="${t.severityTitle[k]}">${badge[k]} ${d[k]}</span></#if></#list></span>
</#macro>
<#-- Says that a day is not over yet, and up to when its report holds the commits. -->
<#macro partialNote d><#if d.partial> <span class="note">${fmt(t.partialAsOf, d.asOf)}</span></#if></#macro>
<#-- Commits as a short list: badge, title (to its place in the report), SHA, repository, author. -->
<#macro entries list>
<ul class="entries">
<#list list as e>
<li class="entry sev-${e.severity}"><span class="badge badge-${e.severity}">${e.badge}</span> <a href="${root}${e.path}" dir="auto">${e.title}</a> <span class="meta"><code>${e.sha}</code> · ${e.repo} · <bdi>${e.author}</bdi></span></li>
</#list>
</ul>
</#macro>
<#-- A month as a calendar table, Monday first: a day with a report links to it, coloured by its
     most important commit. Its caption links to the month's page (unless it is on it). -->
<#macro monthTable m link=true>
<table class="month" id="m${m.id}">
<caption><#if link><a href="${root}${m.path}">${monthName(m.year, m.month)}</a><#else>${monthName(m.year, m.month)}</#if> <span class="count">${commitCount(m.commits)}</span></caption>
<thead><tr><#list t.weekdays as w><th scope="col">${w}</th></#list></tr></thead>
<tbody>
<#list m.weeks as week>
<tr><#list week as c><#if !c.day??><td></td><#elseif c.path??><td class="day level-${c.level}"><a href="${root}${c.path}" title="${c.date}: ${commitCount(c.commits)}">${c.day}</a></td><#else><td class="day">${c.day}</td></#if></#list></tr>
</#list>
</tbody>
</table>
</#macro>
<#-- Commits per day of a month (kind "month") or per month of a year (kind "year") as bars stacked
     by severity, laid out at build time (StackedBars): no script. Its title and summary sentence
     are its text alternative, the calendar beside it its table; each bar's tooltip names its day
     or month and its counts. Only numbers and dates are written into it. -->
<#macro stackedBars c kind>
<div class="chart-box">
<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${c.width?c} ${c.height?c}" role="img" aria-labelledby="chart-title chart-desc">
<title id="chart-title">${t.chartTitle[kind]}</title>
<desc id="chart-desc">${chartSentence("", c)}<#if c.busiest??><#if site.lang == "en"> </#if>${fmt(t.chartBusiest[kind], chartName(c.busiest, kind), commitCount(c.busiest.commits))}</#if></desc>
<line class="chart-grid" x1="${c.left?c}" y1="${c.top?c}" x2="${c.width?c}" y2="${c.top?c}"/>
<line class="chart-axis" x1="${c.left?c}" y1="${c.baseline?c}" x2="${c.width?c}" y2="${c.baseline?c}"/>
<text class="chart-tick" x="${(c.left - 6)?c}" y="${(c.top + 4)?c}" text-anchor="end">${c.max?c}</text>
<text class="chart-tick" x="${(c.left - 6)?c}" y="${(c.baseline + 4)?c}" text-anchor="end">0</text>
<#list c.bars as b>
<#if b.key??><g><title>${chartSentence(chartName(b, kind) + " · ", b)}</title><#list b.parts as p><rect class="bar-${p.severity}" x="${b.x?c}" y="${p.y?c}" width="${c.barWidth?c}" height="${p.height?c}"/></#list></g>
</#if>
<#if kind == "year" || b.number == 1 || b.number % 5 == 0><text class="chart-label" x="${b.labelX?c}" y="${(c.baseline + 19)?c}" text-anchor="middle">${b.number?c}</text>
</#if>
</#list>
</svg>
</div>
</#macro>
<#-- A bar's name: its date, or its month. -->
<#function chartName b kind>
  <#if kind == "year"><#return monthName(b.key?keep_before("-")?number, b.number)></#if>
  <#return b.key>
</#function>
