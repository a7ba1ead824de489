<#ftl output_format="HTML">
<#-- A year with reports: its counts and the calendar of each month that has a report. -->
<#include "_layout.ftl">
<#include "_calendar.ftl">
<#assign heading = fmt(t.yearTitle, year?c)>
<@page title=heading root=root bodyClass="calendar-page year-page" description=fmt(t.descCalendar, heading, days, commitCount(commits))>
<nav class="daynav" aria-label="${t.dayNav}">
<#if previous??><a rel="prev" href="${root}${previous.path}">← ${fmt(t.yearTitle, previous.year?c)}</a><#else><span></span></#if>
<a href="${root}">${t.home}</a>
<#if next??><a rel="next" href="${root}${next.path}">${fmt(t.yearTitle, next.year?c)} →</a><#else><span></span></#if>
</nav>
<h1>${heading}</h1>
<p class="list-meta">${days} ${t.days} · <@counts {"commits": commits, "high": high, "medium": medium, "low": low}/></p>
<p class="digest-weeks">${t.digestList.monthly}: <#list digests as d><a href="${root}${d.path}">${t.months[d.number - 1]}</a><#sep> · </#list></p>
<@stackedBars c=chart/>
<h2 class="visually-hidden">${t.yearMonths}</h2>
<div class="months">
<#list months as m>
<@monthTable m/>
</#list>
</div>
</@page>
