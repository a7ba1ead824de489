<#ftl output_format="HTML">
<#-- A month with reports: its calendar, then its days in order, each with its counts and its
     commits of high importance. A day added to the month changes this page; a day that opens
     the next month gives it its "next" link. -->
<#include "_layout.ftl">
<#include "_calendar.ftl">
<#assign heading = monthName(month.year, month.month)>
<@page title=heading root=root bodyClass="calendar-page month-page" description=fmt(t.descCalendar, heading, month.days, commitCount(month.commits))>
<nav class="daynav" aria-label="${t.dayNav}">
<#if previous??><a rel="prev" href="${root}${previous.path}">← ${monthName(previous.year, previous.month)}</a><#else><span></span></#if>
<a href="${root}${yearPath}">${fmt(t.yearTitle, month.year?c)}</a>
<#if next??><a rel="next" href="${root}${next.path}">${monthName(next.year, next.month)} →</a><#else><span></span></#if>
</nav>
<h1>${heading}</h1>
<p class="list-meta">${month.days} ${t.days} · ${commitCount(month.commits)} · <a href="${root}${digest}">${t.digestList.monthly}</a></p>
<p class="digest-weeks">${t.monthWeeks}: <#list weeks as w><a href="${root}${w.path}">${periodName("weekly", w)}</a><#sep> · </#list></p>
<@stackedBars c=chart/>
<div class="months months-one"><@monthTable m=month link=false/></div>
<h2>${t.monthReports}</h2>
<ol class="month-days">
<#list reports as d>
<li id="d${d.date}">
<p class="day-head"><a href="${root}${d.path}">${d.date}</a> <span class="weekday">${t.weekdayNames[d.weekday - 1]}</span> <@counts d/><@partialNote d/></p>
<#if d.highlights?has_content><@entries d.highlights/></#if>
</li>
</#list>
</ol>
</@page>
