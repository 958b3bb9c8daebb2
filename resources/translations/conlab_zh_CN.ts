<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>conlab::compare</name>
    <message>
        <source>makespan</source>
        <translation>总耗时</translation>
    </message>
    <message>
        <source>throughput/s</source>
        <translation>吞吐量/s</translation>
    </message>
    <message>
        <source>latency p50</source>
        <translation>延迟 p50</translation>
    </message>
    <message>
        <source>latency p90</source>
        <translation>延迟 p90</translation>
    </message>
    <message>
        <source>latency p99</source>
        <translation>延迟 p99</translation>
    </message>
    <message>
        <source>latency max</source>
        <translation>最大延迟</translation>
    </message>
    <message>
        <source>queue wait mean</source>
        <translation>平均排队等待</translation>
    </message>
    <message>
        <source>CPU utilisation</source>
        <translation>CPU 利用率</translation>
    </message>
    <message>
        <source>peak RSS</source>
        <translation>峰值 RSS</translation>
    </message>
    <message>
        <source>loop lag max</source>
        <translation>最大循环延迟</translation>
    </message>
    <message>
        <source>better</source>
        <translation>更好</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>更差</translation>
    </message>
    <message>
        <source>within noise</source>
        <translation>在噪声范围内</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有变化</translation>
    </message>
    <message>
        <source>same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>changed?</source>
        <translation>有变化？</translation>
    </message>
    <message>
        <source>worse?</source>
        <translation>更差？</translation>
    </message>
    <message>
        <source>better?</source>
        <translation>更好？</translation>
    </message>
</context>
<context>
    <name>conlab::errors</name>
    <message>
        <source>%1 tasks × %2 variants × %3 repeats need about %4 for samples; the limit is %5 (a quarter of this machine&apos;s memory)</source>
        <translation>%1 个任务 × %2 个变体 × %3 次重复，样本约需 %4 内存；上限为 %5（本机内存的四分之一）</translation>
    </message>
    <message>
        <source>the default of one loop per core means %1 loops on this machine, above the cap of %2; give a number</source>
        <translation>默认每个核心一个循环，在本机上即 %1 个循环，超过上限 %2；请填写一个数字</translation>
    </message>
    <message>
        <source>must be an integer or one of &quot;python_default_executor&quot;, &quot;anyio_default&quot;, &quot;cores&quot; (found %1)</source>
        <translation>必须是整数，或 &quot;python_default_executor&quot;、&quot;anyio_default&quot;、&quot;cores&quot; 之一（实际为 %1）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; means %2 threads on this machine, above the cap of %3; give a number</source>
        <translation>&quot;%1&quot; 在本机上意味着 %2 个线程，超过上限 %3；请填写一个数字</translation>
    </message>
    <message>
        <source>must be ≤ %1 (the samples of a bigger run are kept in memory)</source>
        <translation>必须 ≤ %1（更大规模运行的样本都要保存在内存中）</translation>
    </message>
    <message>
        <source>unknown model %1; did you mean %2? known models: %3</source>
        <translation>未知模型 %1；您是想用 %2 吗？已知模型：%3</translation>
    </message>
    <message>
        <source>unknown model %1; known models: %2</source>
        <translation>未知模型 %1；已知模型：%2</translation>
    </message>
    <message>
        <source>must not be empty; known models: %1</source>
        <translation>不能为空；已知模型：%1</translation>
    </message>
    <message>
        <source>duplicate label %1 (variants[%2] has it too)</source>
        <translation>标签 %1 重复（variants[%2] 也使用了它）</translation>
    </message>
    <message>
        <source>must contain at least one variant</source>
        <translation>至少需要一个变体</translation>
    </message>
    <message>
        <source>must contain at least one step</source>
        <translation>至少需要一个步骤</translation>
    </message>
    <message>
        <source>must be ≤ %1 (the thread cap)</source>
        <translation>必须 ≤ %1（线程上限）</translation>
    </message>
    <message>
        <source>must be ≤ max_ms (%1 &gt; %2)</source>
        <translation>必须 ≤ max_ms（%1 &gt; %2）</translation>
    </message>
    <message>
        <source>must be ≤ %1 (one hour)</source>
        <translation>必须 ≤ %1（一小时）</translation>
    </message>
    <message>
        <source>must be &gt; 0 and ≤ %1</source>
        <translation>必须 &gt; 0 且 ≤ %1</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>必须是有限数值</translation>
    </message>
    <message>
        <source>not used by model %1</source>
        <translation>模型 %1 不使用此项</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be ≥ %1</source>
        <translation>必须 ≥ %1</translation>
    </message>
    <message>
        <source>must be ≤ %1</source>
        <translation>必须 ≤ %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>must be &gt; 0</source>
        <translation>必须 &gt; 0</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <source>must be a number or null</source>
        <translation>必须是数字或 null</translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be a non-negative integer</source>
        <translation>必须是非负整数</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
    <message>
        <source>unknown key, did you mean %1?</source>
        <translation>未知的键，您是想用 %1 吗？</translation>
    </message>
    <message>
        <source>must be %1 (found %2)</source>
        <translation>必须是 %1（实际为 %2）</translation>
    </message>
    <message>
        <source>must be %1 or %2 (found %3)</source>
        <translation>必须是 %1 或 %2（实际为 %3）</translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2 (byte %3): there is no JSON, the text is empty</source>
        <translation>第 %1 行第 %2 列（字节 %3）处的 JSON 无效：没有 JSON，文本为空</translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2 (byte %3): incomplete JSON: the text ends before the JSON does (was the file cut short?)</source>
        <translation>第 %1 行第 %2 列（字节 %3）处的 JSON 无效：JSON 不完整，文本在 JSON 结束前就结束了（文件是否被截断？）</translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2 (byte %3): %4</source>
        <translation>第 %1 行第 %2 列（字节 %3）处的 JSON 无效：%4</translation>
    </message>
    <message>
        <source>missing: this is not a conlab results file (expected %1)</source>
        <translation>缺失：这不是 conlab 结果文件（应为 %1）</translation>
    </message>
    <message>
        <source>%1 is newer than this lab understands (%2): open it with a newer Concurrency Lab</source>
        <translation>%1 比本实验室能读取的版本（%2）更新：请用更新版本的并发实验室打开</translation>
    </message>
    <message>
        <source>%1 is not a version this lab knows (it reads %2)</source>
        <translation>%1 不是本实验室认识的版本（它读取 %2）</translation>
    </message>
    <message>
        <source>this file has schema %1, not %2: it is an experiment, not results</source>
        <translation>此文件的 schema 是 %1，而不是 %2：这是实验文件，不是结果文件</translation>
    </message>
    <message>
        <source>this file has schema %1, not %2: it was written by another program</source>
        <translation>此文件的 schema 是 %1，而不是 %2：它由其他程序写出</translation>
    </message>
    <message>
        <source>a results file must hold a JSON object</source>
        <translation>结果文件必须包含一个 JSON 对象</translation>
    </message>
    <message>
        <source>%1 is not a valid results file</source>
        <translation>%1 不是有效的结果文件</translation>
    </message>
    <message>
        <source>only for open load</source>
        <translation>仅用于开放负载</translation>
    </message>
    <message>
        <source>only for closed load (an open load has no clients: tasks arrive at rate_per_s)</source>
        <translation>仅用于封闭负载（开放负载没有客户端：任务以 rate_per_s 的速率到达）</translation>
    </message>
    <message>
        <source>only for a uniform distribution</source>
        <translation>仅用于均匀分布</translation>
    </message>
    <message>
        <source>only for an exponential distribution</source>
        <translation>仅用于指数分布</translation>
    </message>
    <message>
        <source>not used by a uniform distribution (it takes min_ms and max_ms)</source>
        <translation>均匀分布不使用此项（它使用 min_ms 和 max_ms）</translation>
    </message>
    <message>
        <source>not used by an exponential distribution (it takes mean_ms)</source>
        <translation>指数分布不使用此项（它使用 mean_ms）</translation>
    </message>
    <message>
        <source>must be an integer or one of &quot;python_default_executor&quot;, &quot;anyio_default&quot;, &quot;cores&quot;</source>
        <translation>必须是整数，或 &quot;python_default_executor&quot;、&quot;anyio_default&quot;、&quot;cores&quot; 之一</translation>
    </message>
    <message>
        <source>unknown parameter %1; known: %2</source>
        <translation>未知参数 %1；已知参数：%2</translation>
    </message>
    <message>
        <source>must be ≥ 0 (steps count from 0)</source>
        <translation>必须 ≥ 0（步骤从 0 开始计数）</translation>
    </message>
    <message>
        <source>only for step_ms</source>
        <translation>仅用于 step_ms</translation>
    </message>
    <message>
        <source>give values or a range, not both</source>
        <translation>请给出取值列表或范围，不要同时给出</translation>
    </message>
    <message>
        <source>give the values (a list) or a range {from, to, step}</source>
        <translation>请给出取值（列表）或范围 {from, to, step}</translation>
    </message>
    <message>
        <source>must be %1 (found %2): this is a results file, not an experiment</source>
        <translation>必须是 %1（实际为 %2）：这是结果文件，不是实验文件</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 1 (%1)</source>
        <translation>必须是 ≥ 1 的整数（%1）</translation>
    </message>
    <message>
        <source>must be between 0 and 1 (a share of each task&apos;s work)</source>
        <translation>必须介于 0 和 1 之间（每个任务工作量中的占比）</translation>
    </message>
    <message>
        <source>empty range: from (%1) &gt; to (%2)</source>
        <translation>范围为空：起点（%1）&gt; 终点（%2）</translation>
    </message>
    <message>
        <source>must be &gt; 0 (each value is the one before + step)</source>
        <translation>必须 &gt; 0（每个值等于前一个值 + 步长）</translation>
    </message>
    <message>
        <source>must be &gt; 1 for a logarithmic range (each value is the one before × step)</source>
        <translation>对数范围下必须 &gt; 1（每个值等于前一个值 × 步长）</translation>
    </message>
    <message>
        <source>must be &gt; 0 for a logarithmic range</source>
        <translation>对数范围下必须 &gt; 0</translation>
    </message>
    <message>
        <source>no variant&apos;s model has a pool</source>
        <translation>没有任何变体的模型带有线程池</translation>
    </message>
    <message>
        <source>no variant uses multi_loop</source>
        <translation>没有变体使用 multi_loop</translation>
    </message>
    <message>
        <source>clients apply to a closed load; this one is open</source>
        <translation>clients 只适用于封闭负载；当前是开放负载</translation>
    </message>
    <message>
        <source>rate_per_s applies to an open load; this one is closed</source>
        <translation>rate_per_s 只适用于开放负载；当前是封闭负载</translation>
    </message>
    <message>
        <source>no variant has a step %1 (step_index counts from 0)</source>
        <translation>没有变体有第 %1 个步骤（step_index 从 0 开始计数）</translation>
    </message>
    <message>
        <source>no variant mixes cpu steps with other steps, so there is no share to change</source>
        <translation>没有变体同时包含 cpu 步骤和其他步骤，因此没有可改变的占比</translation>
    </message>
    <message>
        <source>must list one or two parameters (found %1)</source>
        <translation>必须列出一个或两个参数（实际为 %1 个）</translation>
    </message>
    <message>
        <source>%1 is swept twice</source>
        <translation>%1 被扫描了两次</translation>
    </message>
    <message>
        <source>must list at least one value</source>
        <translation>至少需要列出一个值</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 重复列出</translation>
    </message>
    <message>
        <source>gives more than %1 values; use a larger step or a logarithmic range</source>
        <translation>给出的值超过 %1 个；请使用更大的步长或对数范围</translation>
    </message>
    <message>
        <source>the grid has %1 points; at most %2</source>
        <translation>网格有 %1 个点；最多允许 %2 个</translation>
    </message>
    <message>
        <source>at %1: %2</source>
        <translation>在 %1 处：%2</translation>
    </message>
    <message>
        <source>only applies with &quot;gil&quot;: &quot;cpython&quot;</source>
        <translation>仅在 &quot;gil&quot;: &quot;cpython&quot; 时适用</translation>
    </message>
    <message>
        <source>must be &gt; 0 and ≤ %1 (1 s; Python&apos;s is 5)</source>
        <translation>必须 &gt; 0 且 ≤ %1（1 秒；Python 的默认值为 5）</translation>
    </message>
    <message>
        <source>not available in HTTP mode: the server&apos;s interpreter is its own</source>
        <translation>HTTP 模式下不可用：服务器的解释器是它自己的</translation>
    </message>
    <message>
        <source>not available in HTTP mode</source>
        <translation>HTTP 模式下不可用</translation>
    </message>
    <message>
        <source>means %1 worker processes, above the cap of %2</source>
        <translation>意味着 %1 个工作进程，超过上限 %2</translation>
    </message>
    <message>
        <source>worker processes are not available in HTTP mode</source>
        <translation>HTTP 模式下不能使用工作进程</translation>
    </message>
    <message>
        <source>not used by model %1: it starts no threads that run tasks</source>
        <translation>模型 %1 不使用它：该模型不启动运行任务的线程</translation>
    </message>
    <message>
        <source>must be ≥ %1 (PTHREAD_STACK_MIN on this machine, in KiB)</source>
        <translation>必须 ≥ %1（本机的 PTHREAD_STACK_MIN，单位 KiB）</translation>
    </message>
    <message>
        <source>must be ≤ %1 (1 GiB)</source>
        <translation>必须 ≤ %1（1 GiB）</translation>
    </message>
    <message>
        <source>needs %1 threads at once, and this machine allows %2 more: kernel.threads-max is %3, and %4 threads already run</source>
        <translation>需要同时运行 %1 个线程，而本机只允许再开 %2 个：kernel.threads-max 为 %3，且已有 %4 个线程在运行</translation>
    </message>
    <message>
        <source>needs %1 threads at once, and this machine allows %2 more: kernel.pid_max is %3, one process ID a thread, and %4 threads already run</source>
        <translation>需要同时运行 %1 个线程，而本机只允许再开 %2 个：kernel.pid_max 为 %3，每个线程占一个进程 ID，且已有 %4 个线程在运行</translation>
    </message>
    <message>
        <source>needs %1 threads at once, and this machine allows %2 more: the pids.max of cgroup %3 is %4, and %5 threads already run in it</source>
        <translation>需要同时运行 %1 个线程，而本机只允许再开 %2 个：cgroup %3 的 pids.max 为 %4，其中已有 %5 个线程在运行</translation>
    </message>
    <message>
        <source>needs %1 threads at once, and this machine allows %2 more: RLIMIT_NPROC (ulimit -u) is %3 threads for this user</source>
        <translation>需要同时运行 %1 个线程，而本机只允许再开 %2 个：此用户的 RLIMIT_NPROC（ulimit -u）为 %3 个线程</translation>
    </message>
    <message>
        <source>needs %1 threads at once, and this machine allows %2 more: vm.max_map_count is %3, two memory maps a thread</source>
        <translation>需要同时运行 %1 个线程，而本机只允许再开 %2 个：vm.max_map_count 为 %3，每个线程占两个内存映射</translation>
    </message>
    <message>
        <source>needs %1 threads at once, and this machine allows %2 more: half the %3 of memory available, at about %4 a thread</source>
        <translation>需要同时运行 %1 个线程，而本机只允许再开 %2 个：按每个线程约 %4 计，可用内存 %3 的一半</translation>
    </message>
    <message>
        <source>needs %1 threads at once, and this machine allows %2 more: vm.overcommit_memory is 2 (strict) and %3 is left to commit, at %4 of stack a thread</source>
        <translation>需要同时运行 %1 个线程，而本机只允许再开 %2 个：vm.overcommit_memory 为 2（严格模式），只剩 %3 可提交，每个线程的栈为 %4</translation>
    </message>
    <message>
        <source>needs %1 threads at once, and this machine allows %2 more: RLIMIT_AS (ulimit -v) is %3, at %4 of stack a thread</source>
        <translation>需要同时运行 %1 个线程，而本机只允许再开 %2 个：RLIMIT_AS（ulimit -v）为 %3，每个线程的栈为 %4</translation>
    </message>
    <message>
        <source>repeats nest at most %1 deep</source>
        <translation>repeat 最多嵌套 %1 层</translation>
    </message>
    <message>
        <source>each task would run more than %1 steps (the cap), counting every repeat; repeat fewer times</source>
        <translation>算上每一次重复，每个任务将运行超过 %1 个步骤（上限）；请减少重复次数</translation>
    </message>
    <message>
        <source>must be &quot;embedded&quot; or {&quot;url&quot;: &quot;http://host:port/path&quot;} (with &quot;watch&quot;: PID to watch the server)</source>
        <translation>必须是 &quot;embedded&quot; 或 {&quot;url&quot;: &quot;http://host:port/path&quot;}（可加 &quot;watch&quot;: PID 来观察服务器）</translation>
    </message>
</context>
<context>
    <name>conlab::formulas</name>
    <message>
        <source>no closed form: unknown model or empty workload</source>
        <translation>无闭式解：模型未知或工作负载为空</translation>
    </message>
    <message>
        <source>no closed form: steps run under different limits</source>
        <translation>无闭式解：各步骤受不同的并发上限约束</translation>
    </message>
    <message>
        <source>no closed form: drawn durations</source>
        <translation>无闭式解：时长为随机抽取</translation>
    </message>
    <message>
        <source> (Poisson arrivals: expected value)</source>
        <translation>（泊松到达：期望值）</translation>
    </message>
    <message>
        <source>S: all %1 tasks wait at once = </source>
        <translation>S：全部 %1 个任务同时等待 = </translation>
    </message>
    <message>
        <source>, capacity k/S = </source>
        <translation>，处理能力 k/S = </translation>
    </message>
    <message>
        <source> with λ = </source>
        <translation>，其中 λ = </translation>
    </message>
    <message>
        <source>k = thread cap</source>
        <translation>k = 线程上限</translation>
    </message>
    <message>
        <source>k = 1 thread</source>
        <translation>k = 1 个线程</translation>
    </message>
    <message>
        <source>k = M cores</source>
        <translation>k = M（核心数）</translation>
    </message>
    <message>
        <source>simulated (%1)</source>
        <translation>模拟得出（%1）</translation>
    </message>
    <message>
        <source>no closed form: several threads wait for a GIL held by a CPU-bound thread</source>
        <translation>无闭式解：多个线程在等待一个被 CPU 密集线程持有的 GIL</translation>
    </message>
    <message>
        <source> (the simulator does not model the GIL or background threads)</source>
        <translation>（模拟器不模拟 GIL 和后台线程）</translation>
    </message>
    <message>
        <source>k = M·k/(k+K) cores, K = %1 background threads</source>
        <translation>k = M·k/(k+K) 个核心，K = %1 个后台线程</translation>
    </message>
    <message>
        <source>k = the GIL, shared with K = %1 background threads</source>
        <translation>k = GIL，与 K = %1 个后台线程共享</translation>
    </message>
    <message>
        <source>k = 1 GIL</source>
        <translation>k = 1 个 GIL</translation>
    </message>
    <message>
        <source> (S includes (w+1)·I = %1: the task&apos;s start and each wait&apos;s end take up to one switch interval for the GIL)</source>
        <translation>（S 含 (w+1)·I = %1：任务开始时和每次等待结束后，都要为 GIL 再等至多一个切换间隔）</translation>
    </message>
    <message>
        <source> + the workers&apos; start, measured: </source>
        <translation> + 工作进程启动（实测）：</translation>
    </message>
</context>
<context>
    <name>conlab::models</name>
    <message>
        <source>One thread runs every task as a coroutine; waiting on a timer lets others run, but a blocking call or computation stops them all.</source>
        <translation>一个线程把每个任务作为协程运行；等待定时器时其他任务可以继续运行，但一次阻塞调用或计算会让所有任务停下来。</translation>
    </message>
    <message>
        <source>async def endpoint under uvicorn (one asyncio loop)</source>
        <translation>uvicorn 下的 async def 端点（一个 asyncio 事件循环）</translation>
    </message>
    <message>
        <source>An event loop that hands blocking calls and computation to a pool of P threads and awaits them, so the loop keeps serving; at most P run at once.</source>
        <translation>事件循环把阻塞调用和计算交给一个 P 线程的池并等待结果，因此循环可以继续服务；同一时刻最多运行 P 个。</translation>
    </message>
    <message>
        <source>await loop.run_in_executor(None, time.sleep, 1) in an async def</source>
        <translation>在 async def 中 await loop.run_in_executor(None, time.sleep, 1)</translation>
    </message>
    <message>
        <source>L event loops, each on its own thread, share the tasks round-robin; a blocking call freezes one loop, not all of them.</source>
        <translation>L 个事件循环各占一个线程，轮流分担任务；一次阻塞调用只会冻结其中一个循环，而不是全部。</translation>
    </message>
    <message>
        <source>Tasks are QCoro coroutines on a Qt event loop in its own thread; with offload on, blocking calls and computation run through QtConcurrent on P threads.</source>
        <translation>任务是运行在独立线程中 Qt 事件循环上的 QCoro 协程；开启转交后，阻塞调用和计算通过 QtConcurrent 在 P 个线程上运行。</translation>
    </message>
    <message>
        <source>async def on one asyncio loop (offload: loop.run_in_executor)</source>
        <translation>单个 asyncio 事件循环上的 async def（转交：loop.run_in_executor）</translation>
    </message>
    <message>
        <source>threading.Thread per request (classic thread-per-request servers)</source>
        <translation>每个请求一个 threading.Thread（经典的每请求一线程服务器）</translation>
    </message>
    <message>
        <source>Every task is a plain function on one of P threads; a task waits in the queue until a thread is free, so P tasks run at once whatever they do.</source>
        <translation>每个任务是在 P 个线程之一上运行的普通函数；任务在队列中等待，直到有线程空闲，因此无论任务做什么，同一时刻都只运行 P 个。</translation>
    </message>
    <message>
        <source>def endpoint in FastAPI (AnyIO thread pool, 40 threads by default)</source>
        <translation>FastAPI 中的 def 端点（AnyIO 线程池，默认 40 个线程）</translation>
    </message>
    <message>
        <source>uvicorn --workers L (one asyncio loop per worker process) with &quot;processes&quot;: true; otherwise L loop threads in one process</source>
        <translation>设置 &quot;processes&quot;: true 时为 uvicorn --workers L（每个工作进程一个 asyncio 事件循环）；否则为同一进程中的 L 个事件循环线程</translation>
    </message>
    <message>
        <source>An event loop that hands blocking calls and computation to P worker processes and awaits them; each process has its own interpreter, so P compute at once even under a GIL, for the cost of starting them and sending each step over.</source>
        <translation>事件循环把阻塞调用和计算交给 P 个工作进程并等待结果；每个进程都有自己的解释器，所以即使有 GIL，P 个进程也能同时计算，代价是启动它们以及把每个步骤发送过去的开销。</translation>
    </message>
    <message>
        <source>await loop.run_in_executor(ProcessPoolExecutor(P), fn) in an async def</source>
        <translation>在 async def 中 await loop.run_in_executor(ProcessPoolExecutor(P), fn)</translation>
    </message>
    <message>
        <source>Every task gets its own new OS thread; all tasks run at once, limited only by the cores for computation and by the threads this machine allows.</source>
        <translation>每个任务都有一个新的操作系统线程；所有任务同时运行，计算只受核心数限制，线程数只受本机允许的线程数限制。</translation>
    </message>
</context>
<context>
    <name>conlab::presets</name>
    <message>
        <source>What happens when part of the work is CPU? Each of 32 tasks takes 50 ms, a share of it computing and the rest in a blocking call; the share goes from 0 to 80% and the pool from 1 to 16 threads. Waiting overlaps across threads, computing only across cores, so the more of the work is CPU, the less a big pool helps. The event loop runs everything on one thread whatever the share.</source>
        <translation>当一部分工作是 CPU 计算时会怎样？32 个任务各耗时 50 ms，其中一部分在计算，其余在阻塞调用中；计算占比从 0 增至 80%，线程池从 1 个线程增至 16 个。等待可以在多个线程间重叠，计算只能在多个核心间重叠，因此 CPU 工作占比越高，大线程池的帮助就越小。无论占比多少，事件循环都在一个线程上运行全部工作。</translation>
    </message>
    <message>
        <source>The FastAPI article: four endpoints that each wait 1 s in a different style, hit by 100 concurrent requests. The article reported /a 100 s, /b 1 s, /c 1 s, /d 3 s.</source>
        <translation>那篇 FastAPI 文章：四个端点各以不同方式等待 1 s，同时承受 100 个并发请求。文章给出的结果是 /a 100 s、/b 1 s、/c 1 s、/d 3 s。</translation>
    </message>
    <message>
        <source>Why async helps with waiting but not with computing. 40 tasks arrive at once. One event loop finishes 40 waits of 100 ms in about 100 ms, because waiting costs no thread; the same loop needs 40 × 20 ms = 0.8 s of computation, because it computes on one core. Only the designs that run the computation on several threads (a pool, a thread per task, a loop that offloads, one loop per core) use more than one core, and even they are at best as many times faster as there are cores.</source>
        <translation>为什么异步对等待有帮助，对计算却没有。40 个任务同时到达。一个事件循环约 100 ms 就能完成 40 次 100 ms 的等待，因为等待不占用线程；同一个循环做计算却需要 40 × 20 ms = 0.8 s，因为它只在一个核心上计算。只有在多个线程上运行计算的设计（线程池、每任务一线程、转交计算的事件循环、每核心一个循环）才会用到多个核心，而且即便如此，最多也只能快到核心数那么多倍。</translation>
    </message>
    <message>
        <source>How many threads? 64 tasks over a pool of P threads, P from 1 to 64. Blocking waits overlap as far as the pool lets them, so their throughput doubles with P until P reaches 64. Work that computes for 20 ms of every 100 ms stops paying once the cores are busy: the knee is near P = 5 × cores. The event loop that offloads to an executor of P threads follows the pool.</source>
        <translation>需要多少线程？64 个任务交给一个 P 线程的池，P 从 1 到 64。阻塞等待在线程池允许的范围内重叠，因此吞吐量随 P 翻倍增长，直到 P 达到 64。每 100 ms 中有 20 ms 在计算的工作，一旦核心全忙，再加线程就不再划算：拐点在 P = 5 × 核心数附近。把工作转交给 P 线程执行器的事件循环与线程池表现一致。</translation>
    </message>
    <message>
        <source>How the size of a thread pool limits blocking work. 64 tasks each make a blocking call of 100 ms. A pool of P threads runs them in ⌈64/P⌉ waves, so doubling P halves the time until P reaches 64. The last variant spends 10 ms of each task computing: the waits still overlap, the computation only as far as the cores allow.</source>
        <translation>线程池大小如何限制阻塞工作。64 个任务各做一次 100 ms 的阻塞调用。P 线程的池分 ⌈64/P⌉ 批运行它们，因此 P 每翻一倍，耗时减半，直到 P 达到 64。最后一个变体的每个任务有 10 ms 在计算：等待仍然重叠，计算只能在核心数允许的范围内重叠。</translation>
    </message>
    <message>
        <source>The convoy effect of CPython&apos;s GIL. One thread makes 200 blocking waits of 1 ms, one after another: alone, about 0.2 s. Beside a thread that computes all the time in the same process, every wake-up of the waiting thread, when it picks up its next task and when its wait ends, is a wait for the GIL: the computing thread holds it and drops it only when asked, after the switch interval of 5 ms, so every 1 ms task takes about 11 ms. Without a GIL (C++, or free-threaded Python 3.13t) the computing thread only takes a core and the waits keep their time. Compare the response time p50 and the GIL wait of the three.</source>
        <translation>CPython GIL 的护航效应。一个线程依次做 200 次 1 ms 的阻塞等待：单独运行时约 0.2 s。若同一进程中有一个线程一直在计算，等待线程的每次唤醒（取下一个任务时，以及等待结束时）都要先等 GIL：计算线程持有它，只有被请求时才释放，而请求要等 5 ms 的切换间隔之后才会发出，所以每个 1 ms 的任务约需 11 ms。没有 GIL 时（C++，或自由线程的 Python 3.13t），计算线程只占用一个核心，等待保持原有时长。请比较三者的响应时间 p50 和 GIL 等待。</translation>
    </message>
    <message>
        <source>The article&apos;s advice for CPU-bound work, put to the test under CPython. 8 tasks of 100 ms of pure-Python computation each. The event loop computes them one after another: 0.8 s. A thread pool of as many threads as cores, as the article advises, is no faster under the GIL: one thread runs Python code at a time, so it takes 0.8 s too, its threads waiting for the lock. Without a GIL (C++, or free-threaded Python 3.13t) the same pool uses every core: 0.4 s on 2 cores. A process pool of as many processes as cores has an interpreter in each process and gets that speed-up under the GIL, for the measured cost of starting its workers and sending each task over. Compare the makespans, the GIL wait and the workers&apos; start.</source>
        <translation>在 CPython 下检验文章对 CPU 密集型工作的建议。8 个任务，每个是 100 ms 的纯 Python 计算。事件循环逐个计算：0.8 s。按文章建议使用与核心数相同线程数的线程池，在 GIL 下并不更快：同一时刻只有一个线程运行 Python 代码，所以同样需要 0.8 s，线程都在等锁。没有 GIL 时（C++，或自由线程的 Python 3.13t），同样的线程池能用上所有核心：2 核上 0.4 s。与核心数相同进程数的进程池，每个进程有自己的解释器，在 GIL 下也能得到这一加速，代价是实测的工作进程启动开销和发送每个任务的开销。请比较总耗时、GIL 等待和工作进程的启动时间。</translation>
    </message>
    <message>
        <source>Coroutine vs thread at the scale where it matters. 10,000 tasks at once, each waiting 1 ms and computing 10 µs, 100 times over: a million waits in all, and 10 s of computation. So every design is bound by the CPU, and what sets them apart is what each wait costs besides the task&apos;s own 10 µs. Coroutines on one event loop switch without the kernel: a fraction of a µs a wait, a few hundred bytes a task, and the loop computes everything on one core (10 s); a loop per core halves that. A thread per task, or a pool of 1,000, blocks and wakes a thread in the kernel at every wait: about 100 context switches a task, ten µs of CPU a wait beyond the computation, and a thread start each, so on 2 cores it takes about twice the time the computation needs. A pool of as many threads as cores runs only that many tasks at once, each 100 × 1 ms: about 10,000 / cores × 0.1 s (more than 8 minutes on 2 cores). It runs last, and Ctrl-C or Cancel keeps what the others measured. Read the cost per task table and chart, and the ratios in the explanations.</source>
        <translation>在真正要紧的规模上比较协程与线程。同时有 10,000 个任务，每个任务等待 1 ms、计算 10 µs，重复 100 次：总共一百万次等待、10 s 的计算。因此每种设计都受 CPU 限制，把它们区分开的是每次等待在任务自身 10 µs 之外还要花多少。一个事件循环上的协程切换不经过内核：每次等待不到 1 µs，每个任务几百字节，而这个循环要在一个核心上算完全部计算（10 s）；每核一个循环则减半。每任务一个线程，或 1,000 个线程的池，每次等待都要在内核里阻塞并唤醒一个线程：每个任务约 100 次上下文切换，每次等待在计算之外多花约十 µs 的 CPU，外加每个线程的启动，所以在 2 个核心上所需时间约为计算本身的两倍。线程数等于核心数的池一次只能运行那么多任务，每个任务 100 × 1 ms：约 10,000 / 核心数 × 0.1 s（2 个核心上超过 8 分钟）。它最后运行，按 Ctrl-C 或取消会保留其他变体已测得的结果。请看每任务开销表和图，以及解释中的倍数。</translation>
    </message>
    <message>
        <source>Where does a thread stop paying for itself? The same task, ten waits of 10 ms with a moment of computation between them, at 10, 100, 1,000, 10,000 and 100,000 tasks in flight at once. On one event loop a wait costs less and less CPU as the tasks grow, since the loop&apos;s own fixed costs are shared out, down to a µs or so, and a task a few hundred bytes. A thread&apos;s wait is a trip through the kernel at every size, a context switch each and tens of µs of CPU, and starting the threads comes on top: at 10,000 a thread per task needs seconds for 100 ms of waiting. The sweep runs each thread model up to the machine&apos;s thread limit and says which limit stopped it. A pool of 1,000 threads keeps its cost per wait but queues the tasks beyond 1,000. Chart memory_per_task, cpu_per_wait or switches_per_task against N.</source>
        <translation>线程从什么时候起不再划算？同一个任务——十次 10 ms 的等待，其间有片刻计算——分别在同时有 10、100、1,000、10,000 和 100,000 个在途任务时运行。在一个事件循环上，任务越多，每次等待花的 CPU 越少，因为循环自身的固定开销被分摊了，最终降到 1 µs 左右，每个任务几百字节。线程的每次等待在任何规模下都要进出一次内核，每次一次上下文切换、几十 µs 的 CPU，还要加上启动线程的开销：在 10,000 时，每任务一个线程要花好几秒才能完成 100 ms 的等待。扫描会把每个线程模型运行到本机的线程上限为止，并说明是哪个限制让它停下。1,000 个线程的池保持每次等待的开销不变，但超过 1,000 的任务要排队。可以按 N 绘制 memory_per_task、cpu_per_wait 或 switches_per_task。</translation>
    </message>
</context>
<context>
    <name>conlab::sweep</name>
    <message>
        <source>pool size</source>
        <translation>线程池大小</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>客户端数</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>event loops</source>
        <translation>事件循环数</translation>
    </message>
    <message>
        <source>arrival rate (/s)</source>
        <translation>到达速率（/s）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>step duration (ms)</source>
        <translation>步骤时长（ms）</translation>
    </message>
    <message>
        <source>CPU share</source>
        <translation>CPU 占比</translation>
    </message>
    <message>
        <source>CPU share of the work</source>
        <translation>工作中 CPU 计算的占比</translation>
    </message>
    <message>
        <source>makespan (s)</source>
        <translation>总耗时（s）</translation>
    </message>
    <message>
        <source>throughput (tasks/s)</source>
        <translation>吞吐量（任务/s）</translation>
    </message>
    <message>
        <source>p50 latency (s)</source>
        <translation>p50 延迟（s）</translation>
    </message>
    <message>
        <source>p99 latency (s)</source>
        <translation>p99 延迟（s）</translation>
    </message>
    <message>
        <source>CPU utilisation</source>
        <translation>CPU 利用率</translation>
    </message>
    <message>
        <source>loop lag p99 (s)</source>
        <translation>循环延迟 p99（s）</translation>
    </message>
    <message>
        <source>memory per task in flight (bytes)</source>
        <translation>每个在途任务的内存（字节）</translation>
    </message>
    <message>
        <source>CPU per wait (s)</source>
        <translation>每次等待的 CPU（s）</translation>
    </message>
    <message>
        <source>context switches per task</source>
        <translation>每任务上下文切换</translation>
    </message>
</context>
<context>
    <name>conlab::ui</name>
    <message>
        <source>response time: end − submit (s)</source>
        <translation>响应时间：结束 − 提交（s）</translation>
    </message>
    <message>
        <source>tasks finished within that time (%)</source>
        <translation>在该时间内完成的任务（%）</translation>
    </message>
    <message>
        <source>%1: %2% of tasks within %3</source>
        <translation>%1：%2% 的任务在 %3 内完成</translation>
    </message>
    <message>
        <source>%1 p%2</source>
        <translation>%1 p%2</translation>
    </message>
    <message>
        <source>%1 p%2 = %3</source>
        <translation>%1 p%2 = %3</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1: size and DPI are too small</source>
        <translation>%1：尺寸和 DPI 太小</translation>
    </message>
    <message>
        <source>PNG encoding failed</source>
        <translation>PNG 编码失败</translation>
    </message>
    <message>
        <source>the SVG generator did not start</source>
        <translation>SVG 生成器未能启动</translation>
    </message>
    <message>
        <source>the PDF writer did not start</source>
        <translation>PDF 写入器未能启动</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>无法创建文件夹</translation>
    </message>
    <message>
        <source>Makespan and throughput</source>
        <translation>总耗时与吞吐量</translation>
    </message>
    <message>
        <source>Response time (CDF)</source>
        <translation>响应时间（CDF）</translation>
    </message>
    <message>
        <source>Response time (histogram)</source>
        <translation>响应时间（直方图）</translation>
    </message>
    <message>
        <source>Throughput over time</source>
        <translation>吞吐量随时间变化</translation>
    </message>
    <message>
        <source>In flight over time</source>
        <translation>在途任务数随时间变化</translation>
    </message>
    <message>
        <source>Thread timeline</source>
        <translation>线程时间线</translation>
    </message>
    <message>
        <source>Event-loop lag</source>
        <translation>事件循环延迟</translation>
    </message>
    <message>
        <source> · durations × %1</source>
        <translation> · 时长 × %1</translation>
    </message>
    <message>
        <source> · cancelled, partial</source>
        <translation> · 已取消，结果不完整</translation>
    </message>
    <message>
        <source>%1: %2 %3 at %4 s</source>
        <translation>%1：%4 s 时 %2 %3</translation>
    </message>
    <message>
        <source>response time (s, log bins)</source>
        <translation>响应时间（s，对数分箱）</translation>
    </message>
    <message>
        <source>response time (s)</source>
        <translation>响应时间（s）</translation>
    </message>
    <message>
        <source>tasks per bin</source>
        <translation>每箱任务数</translation>
    </message>
    <message>
        <source>%1: %2 tasks between %3 and %4</source>
        <translation>%1：%2 个任务介于 %3 与 %4 之间</translation>
    </message>
    <message>
        <source>Tasks in flight over time — %1</source>
        <translation>在途任务数随时间变化 — %1</translation>
    </message>
    <message>
        <source>time since the variant started (s)</source>
        <translation>自变体开始起的时间（s）</translation>
    </message>
    <message>
        <source>tasks in flight (submitted, not finished)</source>
        <translation>在途任务数（已提交、未完成）</translation>
    </message>
    <message>
        <source>tasks in flight</source>
        <translation>个在途任务</translation>
    </message>
    <message>
        <source>Event-loop lag — no variant runs an event loop — %1</source>
        <translation>事件循环延迟 — 没有变体运行事件循环 — %1</translation>
    </message>
    <message>
        <source>Event-loop lag: how late a timer due then would fire (a ramp = the loop was blocked) — %1</source>
        <translation>事件循环延迟：此刻到期的定时器会晚多久触发（斜坡 = 循环被阻塞）— %1</translation>
    </message>
    <message>
        <source>loop lag (ms)</source>
        <translation>循环延迟（ms）</translation>
    </message>
    <message>
        <source>ms late</source>
        <translation>ms 延迟</translation>
    </message>
    <message>
        <source>Makespan and throughput: measured vs predicted — %1</source>
        <translation>总耗时与吞吐量：实测与预测 — %1</translation>
    </message>
    <message>
        <source>makespan</source>
        <translation>总耗时</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>article&apos;s claim</source>
        <translation>文章声称</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>predicted </source>
        <translation>预测 </translation>
    </message>
    <message>
        <source> (predicted: no closed form)</source>
        <translation>（预测：无闭式解）</translation>
    </message>
    <message>
        <source>measured makespan %1</source>
        <translation>实测总耗时 %1</translation>
    </message>
    <message>
        <source>predicted makespan %1
%2</source>
        <translation>预测总耗时 %1
%2</translation>
    </message>
    <message>
        <source>no closed form: %1</source>
        <translation>无闭式解：%1</translation>
    </message>
    <message>
        <source>the article claimed %1 (scaled)</source>
        <translation>文章声称 %1（已按比例缩放）</translation>
    </message>
    <message>
        <source>%1: %2 tasks/s %3</source>
        <translation>%1：%3 %2 个任务/s</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>makespan (s)</source>
        <translation>总耗时（s）</translation>
    </message>
    <message>
        <source>throughput (tasks/s)</source>
        <translation>吞吐量（任务/s）</translation>
    </message>
    <message>
        <source>Throughput over time — %1</source>
        <translation>吞吐量随时间变化 — %1</translation>
    </message>
    <message>
        <source>completions per second (tasks/s)</source>
        <translation>每秒完成数（任务/s）</translation>
    </message>
    <message>
        <source>tasks/s</source>
        <translation>个任务/s</translation>
    </message>
    <message>
        <source>Thread timeline: a row per worker thread, a bar per task, thin line = queue wait — %1</source>
        <translation>线程时间线：每个工作线程一行，每个任务一条，细线 = 排队等待 — %1</translation>
    </message>
    <message>
        <source> · first %L1 tasks per variant</source>
        <translation> · 每个变体前 %L1 个任务</translation>
    </message>
    <message>
        <source>worker threads, by variant</source>
        <translation>工作线程（按变体）</translation>
    </message>
    <message>
        <source>%1 (1 thread)</source>
        <translation>%1（1 个线程）</translation>
    </message>
    <message>
        <source>%1 (%2 threads)</source>
        <translation>%1（%2 个线程）</translation>
    </message>
    <message>
        <source>Concurrency Lab report</source>
        <translation>并发实验室报告</translation>
    </message>
    <message>
        <source>%1 — Concurrency Lab report</source>
        <translation>%1 — 并发实验室报告</translation>
    </message>
    <message>
        <source> Cancelled: the numbers cover what was measured before the cancel.</source>
        <translation>已取消：这些数字只涵盖取消前测得的部分。</translation>
    </message>
    <message>
        <source> The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>Run on %1 (%2 cores), started %3, took %4.%5</source>
        <translation>运行于 %1（%2 个核心），开始于 %3，用时 %4。%5</translation>
    </message>
    <message>
        <source>HTML report, opens in any browser (*.html)</source>
        <translation>HTML 报告，可在任意浏览器中打开 (*.html)</translation>
    </message>
    <message>
        <source>PDF report, A4 (*.pdf)</source>
        <translation>PDF 报告，A4 (*.pdf)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Cannot export the report</source>
        <translation>无法导出报告</translation>
    </message>
    <message>
        <source>Wrote the report to %1</source>
        <translation>已将报告写入 %1</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>; measured over HTTP against the lab&apos;s embedded server</source>
        <translation>；通过 HTTP 针对实验室内置服务器测量</translation>
    </message>
    <message>
        <source>; measured over HTTP at %1</source>
        <translation>；通过 HTTP 在 %1 测量</translation>
    </message>
    <message>
        <source>Makespan (first submit to last end) and throughput of each variant, measured beside the ideal-machine prediction; each bar carries its value.</source>
        <translation>每个变体的总耗时（从最早提交到最后结束）与吞吐量，实测值与理想机器上的预测并列；每根柱子都标有数值。</translation>
    </message>
    <message>
        <source>Share of tasks that finished within a response time (submit to end). A step per wave of tasks; a long tail is tasks that waited.</source>
        <translation>在某一响应时间（提交到结束）内完成的任务比例。每一批任务形成一个台阶；长尾是等待过的任务。</translation>
    </message>
    <message>
        <source>How many tasks took each response time, per variant.</source>
        <translation>每个变体中，各响应时间对应的任务数。</translation>
    </message>
    <message>
        <source>Tasks completed per second as the run went on (first repeat).</source>
        <translation>运行过程中每秒完成的任务数（第一次重复）。</translation>
    </message>
    <message>
        <source>Tasks submitted and not yet finished as the run went on (first repeat).</source>
        <translation>运行过程中已提交但尚未完成的任务（第一次重复）。</translation>
    </message>
    <message>
        <source>How late each event loop&apos;s probe timer fired: the fingerprint of a blocked loop. Models without an event loop have no line.</source>
        <translation>每个事件循环的探测定时器晚了多久触发：这是循环被阻塞的特征。没有事件循环的模型没有曲线。</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Load — %1. Repeats: %2, seed %3.</source>
        <translation>负载 — %1。重复次数：%2，种子 %3。</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Python analogue</source>
        <translation>对应的 Python 写法</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Each task does</source>
        <translation>每个任务做什么</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>核心数</translation>
    </message>
    <message>
        <source>%1 available to the run</source>
        <translation>%1 个可供本次运行使用</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>, kernel %1</source>
        <translation>，内核 %1</translation>
    </message>
    <message>
        <source>Compiler</source>
        <translation>编译器</translation>
    </message>
    <message>
        <source>Build type</source>
        <translation>构建类型</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Boost %1, Qt %2, QCoro %3</source>
        <translation>Boost %1，Qt %2，QCoro %3</translation>
    </message>
    <message>
        <source>Lab version</source>
        <translation>实验室版本</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Time scale</source>
        <translation>时间缩放</translation>
    </message>
    <message>
        <source>CPU calibration</source>
        <translation>CPU 校准</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1，用时 %2</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成数</translation>
    </message>
    <message>
        <source>Makespan</source>
        <translation>总耗时</translation>
    </message>
    <message>
        <source>Tasks/s</source>
        <translation>任务/s</translation>
    </message>
    <message>
        <source>Response p50</source>
        <translation>响应时间 p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Queue wait p99</source>
        <translation>排队等待 p99</translation>
    </message>
    <message>
        <source>CPU use</source>
        <translation>CPU 利用率</translation>
    </message>
    <message>
        <source>Loop lag max</source>
        <translation>最大循环延迟</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Response time = end − submit; queue wait = start − submit; CPU use = CPU time / (makespan × %1 cores); loop lag: how late the event loop woke (— without a loop).</source>
        <translation>响应时间 = 结束 − 提交；排队等待 = 开始 − 提交；CPU 利用率 = CPU 时间 / (总耗时 × %1 个核心)；循环延迟：事件循环被唤醒晚了多久（无循环时为 —）。</translation>
    </message>
    <message>
        <source> Percentiles pool the %1 repeats; makespan is their mean.</source>
        <translation>百分位数合并了 %1 次重复的数据；总耗时取其平均值。</translation>
    </message>
    <message>
        <source>Measured vs predicted</source>
        <translation>实测与预测</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>How predicted</source>
        <translation>预测方式</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>声称</translation>
    </message>
    <message>
        <source>Predicted for an ideal machine with %1 cores. Error = measured / predicted makespan − 1.</source>
        <translation>预测针对有 %1 个核心的理想机器。误差 = 实测总耗时 / 预测总耗时 − 1。</translation>
    </message>
    <message>
        <source> Claimed: the makespan a source reported (e.g. the article), times the time scale.</source>
        <translation>声称：某个来源（例如那篇文章）报告的总耗时，乘以时间缩放。</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Explanations</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>predicted %1 (%2)</source>
        <translation>预测 %1（%2）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>measured %1; %2</source>
        <translation>实测 %1；%2</translation>
    </message>
    <message>
        <source>the chart&apos;s SVG is malformed at line %1: %2</source>
        <translation>图表的 SVG 在第 %1 行格式有误：%2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>Python&apos;s default executor: min(32, cores + 4)</source>
        <translation>Python 默认执行器：min(32, 核心数 + 4)</translation>
    </message>
    <message>
        <source>AnyIO&apos;s default thread limiter</source>
        <translation>AnyIO 默认的线程限制器</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>每个核心一个</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source> (uniform)</source>
        <translation>（均匀分布）</translation>
    </message>
    <message>
        <source>%1 on average</source>
        <translation>平均 %1</translation>
    </message>
    <message>
        <source> (exponential)</source>
        <translation>（指数分布）</translation>
    </message>
    <message>
        <source>one non-blocking wait of %1%2</source>
        <translation>一次 %1%2 的非阻塞等待</translation>
    </message>
    <message>
        <source>one blocking I/O call of %1%2</source>
        <translation>一次 %1%2 的阻塞 I/O 调用</translation>
    </message>
    <message>
        <source>one computation of %1 on one core%2</source>
        <translation>一次单核 %1%2 的计算</translation>
    </message>
    <message>
        <source>nothing (no steps)</source>
        <translation>什么也不做（无步骤）</translation>
    </message>
    <message>
        <source>, then </source>
        <translation>，然后</translation>
    </message>
    <message>
        <source>one event loop on one thread</source>
        <translation>单线程上的一个事件循环</translation>
    </message>
    <message>
        <source>%1 event loops, one thread each</source>
        <translation>%1 个事件循环，各占一个线程</translation>
    </message>
    <message>
        <source>one Qt event loop, nothing offloaded</source>
        <translation>一个 Qt 事件循环，不转交任何工作</translation>
    </message>
    <message>
        <source>1 thread</source>
        <translation>1 个线程</translation>
    </message>
    <message>
        <source>%1 threads</source>
        <translation>%1 个线程</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>one Qt event loop; blocking steps on a pool of %1</source>
        <translation>一个 Qt 事件循环；阻塞步骤交给 %1 的线程池</translation>
    </message>
    <message>
        <source>one event loop; an executor of %1</source>
        <translation>一个事件循环；%1 的执行器</translation>
    </message>
    <message>
        <source>a pool of %1</source>
        <translation>%1 的线程池</translation>
    </message>
    <message>
        <source>as the model decides</source>
        <translation>由模型决定</translation>
    </message>
    <message>
        <source>closed: %1 tasks from %2 clients, each sending its next task when its previous one ends</source>
        <translation>封闭：%2 个客户端发出 %1 个任务，每个客户端在上一个任务结束后发送下一个</translation>
    </message>
    <message>
        <source> (all %1 at once)</source>
        <translation>（%1 个同时发出）</translation>
    </message>
    <message>
        <source>open: %1 tasks arriving at %2 per second (%3), whatever happens; response time counts from each task&apos;s intended arrival</source>
        <translation>开放：%1 个任务以每秒 %2 个的速率到达（%3），不受系统状况影响；响应时间从每个任务的预定到达时间算起</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>泊松分布</translation>
    </message>
    <message>
        <source>evenly spaced</source>
        <translation>等间隔</translation>
    </message>
    <message>
        <source>Time scale %1: every duration above ran %1 times as long (1 s took %2), and the measured and predicted times below are at that scale.</source>
        <translation>时间缩放 %1：上面的每个时长实际运行时都乘以 %1（1 s 实际为 %2），下面的实测和预测时间也都按此缩放。</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>未校准</translation>
    </message>
    <message>
        <source>%1 kernel iterations per ms of one core, the fastest of %2 trials (calibrating took %3)</source>
        <translation>单核每毫秒 %1 次内核迭代，取 %2 次试验中最快的一次（校准用时 %3）</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Sweep heatmap</source>
        <translation>扫描热力图</translation>
    </message>
    <message>
        <source>%1 min–max over repeats</source>
        <translation>%1 各次重复的最小–最大值</translation>
    </message>
    <message>
        <source>%1 simulated</source>
        <translation>%1 模拟值</translation>
    </message>
    <message>
        <source>knee of %1</source>
        <translation>%1 的拐点</translation>
    </message>
    <message>
        <source>knee %1</source>
        <translation>拐点 %1</translation>
    </message>
    <message>
        <source>These results hold no sweep — %1</source>
        <translation>这些结果中没有扫描 — %1</translation>
    </message>
    <message>
        <source> at %1 = %2</source>
        <translation>，%1 = %2 时</translation>
    </message>
    <message>
        <source>%1 against %2 — %3</source>
        <translation>%1 随 %2 变化 — %3</translation>
    </message>
    <message>
        <source>&gt; 10% from simulation</source>
        <translation>与模拟相差 &gt; 10%</translation>
    </message>
    <message>
        <source> · %1 of %2 runs</source>
        <translation> · %2 次运行中的 %1 次</translation>
    </message>
    <message>
        <source>CPU share of the work (%)</source>
        <translation>工作中 CPU 计算的占比（%）</translation>
    </message>
    <message>
        <source>arrival rate λ (tasks/s)</source>
        <translation>到达速率 λ（任务/s）</translation>
    </message>
    <message>
        <source>A heatmap needs a sweep of two parameters — %1</source>
        <translation>热力图需要对两个参数扫描 — %1</translation>
    </message>
    <message>
        <source>%1 over %2 × %3 — %4</source>
        <translation>%1，按 %2 × %3 — %4</translation>
    </message>
    <message>
        <source>the chart &apos;%1&apos; could not be rendered as SVG</source>
        <translation>图表 &apos;%1&apos; 无法渲染为 SVG</translation>
    </message>
    <message>
        <source>the chart &apos;%1&apos;: %2</source>
        <translation>图表 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>Sweep over %1: %2 of %3 runs done, %4 per point, every variant at every point, the points in a shuffled order so that the machine&apos;s drift does not pass for a trend.</source>
        <translation>扫描 %1：已完成 %3 次运行中的 %2 次，每个点 %4，每个变体都在每个点上运行；各点按打乱的顺序运行，以免机器的漂移被误认为趋势。</translation>
    </message>
    <message>
        <source>one run</source>
        <translation>运行一次</translation>
    </message>
    <message>
        <source>%1 repeats</source>
        <translation>重复 %1 次</translation>
    </message>
    <message>
        <source> The sweep was not finished: the charts and the table show the points it measured.</source>
        <translation>扫描没有完成：图表和表格显示的是已测量的点。</translation>
    </message>
    <message>
        <source>%1 against the swept parameter, one line per variant: the mean over repeats, a band from the lowest to the highest repeat, the simulation dashed; a ring marks a point more than 10% from the simulation.</source>
        <translation>%1 随扫描参数的变化，每个变体一条线：实线为各次重复的平均值，色带从最低到最高的一次重复，虚线为模拟；圆圈标出与模拟相差超过 10% 的点。</translation>
    </message>
    <message>
        <source> One line per value of the second parameter.</source>
        <translation>第二个参数的每个取值各一条线。</translation>
    </message>
    <message>
        <source> The simulation models time, not this metric: no dashed line.</source>
        <translation>模拟只对时间建模，不对这个指标建模：因此没有虚线。</translation>
    </message>
    <message>
        <source>%1 over both parameters, one panel per variant on one colour scale; a corner mark flags a point more than 10% from the simulation.</source>
        <translation>%1 随两个参数的变化，每个变体一个面板，共用一个色标；角标表示与模拟相差超过 10% 的点。</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>模拟值</translation>
    </message>
    <message>
        <source>vs simulation</source>
        <translation>与模拟相比</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>Means over the complete repeats of each point; Runs counts them. vs simulation: the measured makespan above (+) or below (−) the discrete-event simulation of the same point.</source>
        <translation>各点完整重复的平均值；“运行次数”为其数量。“与模拟相比”：实测总耗时高于（+）或低于（−）同一点的离散事件模拟。</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>Nothing to say: no point of this variant was finished.</source>
        <translation>暂无结论：这个变体还没有完成任何一个点。</translation>
    </message>
    <message>
        <source>Sweep over %1: %2 of %3 runs done, %4 per point, every variant at every point, the points in grid order.</source>
        <translation>扫描 %1：已完成 %3 次运行中的 %2 次，每个点 %4，每个变体都在每个点上运行，各点按网格顺序运行。</translation>
    </message>
    <message>
        <source>The GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>GIL wait p50</source>
        <translation>GIL 等待 p50</translation>
    </message>
    <message>
        <source>Share of response</source>
        <translation>占响应时间</translation>
    </message>
    <message>
        <source>Forced switches</source>
        <translation>强制切换</translation>
    </message>
    <message>
        <source>Lock held</source>
        <translation>锁被持有</translation>
    </message>
    <message>
        <source>For the variants with &quot;gil&quot;: &quot;cpython&quot;: how long each task waited to take the interpreter lock, that wait&apos;s share of the response time, the times a waiting thread made the holder drop the lock (per run), and the share of the run in which some thread held it.</source>
        <translation>对于设置了 &quot;gil&quot;: &quot;cpython&quot; 的变体：每个任务为获取解释器锁等待了多久、这段等待在响应时间中的占比、等待的线程迫使持有者释放锁的次数（每次运行），以及运行期间有线程持有这把锁的时间占比。</translation>
    </message>
    <message>
        <source>; one GIL, switch interval %1</source>
        <translation>；一个 GIL，切换间隔 %1</translation>
    </message>
    <message>
        <source>; 1 background CPU thread</source>
        <translation>；1 个后台 CPU 线程</translation>
    </message>
    <message>
        <source>; %1 background CPU threads</source>
        <translation>；%1 个后台 CPU 线程</translation>
    </message>
    <message>
        <source>One row per worker thread: a bar per task from its start to its end, the thin line before it the time it waited for a thread (first %1 tasks per variant). Under a GIL, the hatched stretches of a bar are the task waiting for the lock.</source>
        <translation>每个工作线程一行：每个任务一条，从开始到结束；条前的细线是它等待线程的时间（每个变体前 %1 个任务）。有 GIL 时，条上带斜线的部分是任务在等待这把锁。</translation>
    </message>
    <message>
        <source>Thread timeline: a row per worker thread, a bar per task, thin line = queue wait, hatched = waiting for the GIL — %1</source>
        <translation>线程时间线：每个工作线程一行，每个任务一条，细线 = 排队等待，斜线 = 等待 GIL — %1</translation>
    </message>
    <message>
        <source>Worker processes</source>
        <translation>工作进程</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作进程数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Hand-off p50</source>
        <translation>往返传递 p50</translation>
    </message>
    <message>
        <source>Tasks lost</source>
        <translation>丢失的任务</translation>
    </message>
    <message>
        <source> (in the run)</source>
        <translation>（在运行中）</translation>
    </message>
    <message>
        <source> (before)</source>
        <translation>（运行前）</translation>
    </message>
    <message>
        <source>For process_pool and multi_loop with &quot;processes&quot;: true: how many worker processes ran, how long forking them took until every one was ready (inside the makespan when the first task started them, as ProcessPoolExecutor does; before the run for a server&apos;s workers), each task&apos;s trip to a worker and back, and the tasks lost with a worker that died.</source>
        <translation>适用于 process_pool 和设置了 &quot;processes&quot;: true 的 multi_loop：运行了多少个工作进程，从 fork 到全部就绪用了多久（由第一个任务启动时计入总耗时，与 ProcessPoolExecutor 相同；服务器的工作进程则在运行前启动），每个任务发送到工作进程再返回所用的时间，以及随死亡的工作进程一起丢失的任务。</translation>
    </message>
    <message>
        <source>one event loop in one worker process</source>
        <translation>一个工作进程中的一个事件循环</translation>
    </message>
    <message>
        <source>%1 event loops, one worker process each, each with its own interpreter</source>
        <translation>%1 个事件循环，每个在一个工作进程中，各有自己的解释器</translation>
    </message>
    <message>
        <source>1 worker process</source>
        <translation>1 个工作进程</translation>
    </message>
    <message>
        <source>%1 worker processes</source>
        <translation>%1 个工作进程</translation>
    </message>
    <message>
        <source>a new thread per task, as many at once as tasks in flight</source>
        <translation>每个任务一个新线程，同时运行的线程数等于进行中的任务数</translation>
    </message>
    <message>
        <source>Cost per task</source>
        <translation>每个任务的开销</translation>
    </message>
    <message>
        <source>memory per task</source>
        <translation>每任务内存</translation>
    </message>
    <message>
        <source>CPU per wait</source>
        <translation>每次等待的 CPU</translation>
    </message>
    <message>
        <source>Cost per task, against the cheapest variant — %1</source>
        <translation>每个任务的开销，与最省的变体相比 — %1</translation>
    </message>
    <message>
        <source>%1 (1× = %2)</source>
        <translation>%1（1× = %2）</translation>
    </message>
    <message>
        <source>%1: %2 %3 (%4× the cheapest)</source>
        <translation>%1：%3 %2（最省者的 %4×）</translation>
    </message>
    <message>
        <source>%1: no %2 measured</source>
        <translation>%1：没有测到%2</translation>
    </message>
    <message>
        <source>× the cheapest variant</source>
        <translation>× 最省的变体</translation>
    </message>
    <message>
        <source>Peak in flight</source>
        <translation>峰值在途任务</translation>
    </message>
    <message>
        <source>Memory per task</source>
        <translation>每任务内存</translation>
    </message>
    <message>
        <source>Overhead per wait</source>
        <translation>每次等待的额外开销</translation>
    </message>
    <message>
        <source>Voluntary switches</source>
        <translation>自愿切换</translation>
    </message>
    <message>
        <source>Involuntary switches</source>
        <translation>非自愿切换</translation>
    </message>
    <message>
        <source>Thread start</source>
        <translation>线程启动</translation>
    </message>
    <message>
        <source>%1 times over: (%2)</source>
        <translation>重复 %1 次：（%2）</translation>
    </message>
    <message>
        <source>switches per task</source>
        <translation>每任务切换</translation>
    </message>
    <message>
        <source>nothing measured</source>
        <translation>没有测到</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>Each variant&apos;s totals divided per task. Memory per task: the peak resident memory above what the lab held before the variant started, divided by the most tasks in flight at once. CPU per wait: the process&apos;s CPU time divided by the finished tasks&apos; waits (io and blocking_io steps); overhead per wait leaves out the tasks&apos; own computation, and reads “&lt; x” below a tenth of it, which is as much as a core&apos;s speed drifts from one run to the next. Switches per task: voluntary when a thread blocked or slept, involuntary when the kernel took its core away. Thread start: the mean CPU time of pthread_create, in the thread that called it, for the threads that ran tasks.</source>
        <translation>每个变体的总量按任务平均。每任务内存：峰值常驻内存减去该变体开始前实验室已占用的内存，再除以同时在途任务数的最大值。每次等待的 CPU：进程的 CPU 时间除以已完成任务的等待次数（io 和 blocking_io 步骤）；每次等待的额外开销不计任务自身的计算，低于这部分计算的十分之一时显示为“&lt; x”，因为核心的速度在两次运行之间就会漂移这么多。每任务切换：线程阻塞或睡眠时为自愿切换，内核夺走其核心时为非自愿切换。线程启动：对运行任务的线程，调用 pthread_create 的线程所花的平均 CPU 时间。</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>B/A</source>
        <translation>B/A</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>run-to-run noise</source>
        <translation>运行间噪声</translation>
    </message>
    <message>
        <source>A and B are the means over each side&apos;s runs (every complete repeat is one run); the noise is Welch&apos;s t interval of B − A over the per-run values, at %1.</source>
        <translation>A 与 B 是各方所有运行的均值（每次完整重复算一次运行）；噪声是按每次运行的数值求出的 B − A 的 Welch t 区间，置信度 %1。</translation>
    </message>
    <message>
        <source>Verdict on %1 (threshold %2): %3.</source>
        <translation>%1 的结论（阈值 %2）：%3。</translation>
    </message>
    <message>
        <source>Point by point: %1. Each interval is %2, so that the %3 points and variants together keep 95%.</source>
        <translation>逐点比较：%1。每个区间的置信度为 %2，使 %3 个点与变体的组合合起来仍保持 95%。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>A solid, B dashed, each variant in one colour; the band is the min–max over repeats.</source>
        <translation>A 为实线，B 为虚线，同一变体同一种颜色；色带是各次重复的最小–最大值。</translation>
    </message>
    <message>
        <source>A and B side by side, each variant in one colour; B&apos;s bars are hatched and its lines dashed.</source>
        <translation>A 与 B 并排，同一变体同一种颜色；B 的柱形带斜线填充，折线为虚线。</translation>
    </message>
    <message>
        <source>Compared with %1</source>
        <translation>与 %1 比较</translation>
    </message>
    <message>
        <source>A, the baseline, is %1 (%2 repeats, started %3); B is this report&apos;s run (%4 repeats).</source>
        <translation>基线 A 是 %1（%2 次重复，开始于 %3）；B 是本报告的运行（%4 次重复）。</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>无法比较：%1</translation>
    </message>
    <message>
        <source>… and %1 more without a verdict.</source>
        <translation>……另有 %1 项没有结论。</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/秒</translation>
    </message>
    <message>
        <source>Capacity for %1: %2 — %3</source>
        <translation>%1 下的容量：%2 — %3</translation>
    </message>
    <message>
        <source>No capacity for %1: missed at the lowest rate tried — %2</source>
        <translation>%1 下没有容量：最低的试验速率已不满足 — %2</translation>
    </message>
    <message>
        <source>Capacity for %1: at least %2 (the generator could not go higher) — %3</source>
        <translation>%1 下的容量：至少 %2（生成器无法更高）— %3</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Capacity for %1: at least %2, the highest rate allowed — %3</source>
        <translation>%1 下的容量：至少 %2，即允许的最高速率 — %3</translation>
    </message>
    <message>
        <source>Capacity for %1: the search stopped early (best so far %2) — %3</source>
        <translation>%1 下的容量：搜索提前停止（目前最好 %2）— %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>These results hold no capacity search</source>
        <translation>这些结果不含容量搜索</translation>
    </message>
    <message>
        <source>%1 response time of the run (ms)</source>
        <translation>该次运行的 %1 响应时间（毫秒）</translation>
    </message>
    <message>
        <source>arrival rate (requests/s, %1 arrivals)</source>
        <translation>到达速率（请求/秒，%1 到达）</translation>
    </message>
    <message>
        <source>run that met it</source>
        <translation>满足的运行</translation>
    </message>
    <message>
        <source>run that missed it</source>
        <translation>未满足的运行</translation>
    </message>
    <message>
        <source>median (measured)</source>
        <translation>中位数（实测）</translation>
    </message>
    <message>
        <source>median (simulator)</source>
        <translation>中位数（模拟器）</translation>
    </message>
    <message>
        <source>SLO %1</source>
        <translation>SLO %1</translation>
    </message>
    <message>
        <source>capacity %1</source>
        <translation>容量 %1</translation>
    </message>
    <message>
        <source>%1 meets %2</source>
        <translation>%1 满足 %2</translation>
    </message>
    <message>
        <source>predicted %1</source>
        <translation>预测 %1</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Measured: %1.</source>
        <translation>实测：%1。</translation>
    </message>
    <message>
        <source>Predicted by the simulator (an ideal machine, the same runs): %1.</source>
        <translation>模拟器的预测（理想机器，同样的运行）：%1。</translation>
    </message>
    <message>
        <source>Measured ÷ predicted: %1.</source>
        <translation>实测 ÷ 预测：%1。</translation>
    </message>
    <message>
        <source>How it was searched: %1 arrivals from %2, doubling until %3 broke, then bisecting to within %4, with %5 runs at each rate near the boundary (the majority decides). Each run sent for at least %6 and %7 requests; a request that failed counts as too slow.</source>
        <translation>搜索方式：%1 到达，从 %2 开始翻倍，直到 %3 被打破，然后二分到 %4 以内，边界附近每个速率跑 %5 次（多数决定）。每次运行至少发送 %6、%7 个请求；失败的请求算作太慢。</translation>
    </message>
    <message>
        <source>Every rate tried</source>
        <translation>试过的每个速率</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>%1 (median)</source>
        <translation>%1（中位数）</translation>
    </message>
    <message>
        <source>— (too many failed)</source>
        <translation>—（失败太多）</translation>
    </message>
    <message>
        <source>meets</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>misses</source>
        <translation>未满足</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Server under test</source>
        <translation>被测服务器</translation>
    </message>
    <message>
        <source>%1 (output in %2)</source>
        <translation>%1（输出在 %2）</translation>
    </message>
    <message>
        <source>Capacity of %1 for %2 — Concurrency Lab report</source>
        <translation>%1 在 %2 下的容量 — 并发实验室报告</translation>
    </message>
    <message>
        <source>%1 runs on %2, %3</source>
        <translation>%1 次运行，于 %2，%3</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Each point is one run: its response-time percentile at that arrival rate. The line joins the medians; the dashed line is the SLO, the vertical line the capacity found.</source>
        <translation>每个点是一次运行：该到达速率下的响应时间百分位。实线连接各中位数；虚线是 SLO，竖线是找到的容量。</translation>
    </message>
    <message>
        <source>Capacity under an SLO</source>
        <translation>SLO 下的容量</translation>
    </message>
    <message>
        <source>%1: a report is .html or .pdf</source>
        <translation>%1：报告须为 .html 或 .pdf</translation>
    </message>
    <message>
        <source>misses (its queue kept growing)</source>
        <translation>未满足（队列一直在增长）</translation>
    </message>
    <message>
        <source>The %1 of each run is the worse of the whole run&apos;s and its last third&apos;s. A run whose requests due in its last third waited clearly longer than those due in its middle third misses whatever its %1: its queue was still growing.</source>
        <translation>每次运行的 %1 取整次运行与其最后三分之一中较差的一个。若一次运行中最后三分之一到期的请求明显比中间三分之一等得更久，无论其 %1 如何都算未满足：它的队列仍在增长。</translation>
    </message>
    <message>
        <source>response time: end − when due; dashed: end − when sent (s)</source>
        <translation>响应时间：结束 − 应发出时刻；虚线：结束 − 实际发出时刻（s）</translation>
    </message>
    <message>
        <source>%1, from when sent (uncorrected)</source>
        <translation>%1，从实际发出时算（未校正）</translation>
    </message>
    <message>
        <source>%1, from when due</source>
        <translation>%1，从应发出时算</translation>
    </message>
    <message>
        <source>Capacity for %1: searching… — %2</source>
        <translation>%1 下的容量：搜索中… — %2</translation>
    </message>
    <message>
        <source>Response time distribution (CDF; ● p50, ◆ p99)%1 — %2</source>
        <translation>响应时间分布（CDF；● p50，◆ p99）%1 — %2</translation>
    </message>
    <message>
        <source>Response time over time (heatmap)</source>
        <translation>响应时间随时间变化（热力图）</translation>
    </message>
    <message>
        <source> · beyond the first %1 samples, from binned times (to 0.1%)</source>
        <translation> · 前 %1 个样本之后的部分取自分桶的时间（误差 0.1%）</translation>
    </message>
    <message>
        <source>Response time histogram (dashed: p50, dotted: p99)%1 — %2</source>
        <translation>响应时间直方图（虚线：p50，点线：p99）%1 — %2</translation>
    </message>
    <message>
        <source>Response time over time, in tasks per cell — %1</source>
        <translation>响应时间随时间变化（每格的任务数）— %1</translation>
    </message>
    <message>
        <source>Response time over time — no task finished — %1</source>
        <translation>响应时间随时间变化 — 没有任务完成 — %1</translation>
    </message>
    <message>
        <source>Every finished task by when it ended (across) and how long it took (up, log scale), the colour counting the tasks in each cell (first repeat): a stall shows as a column, a queue that builds as a rising band.</source>
        <translation>每个完成的任务按结束时间（横轴）和耗时（纵轴，对数刻度）落进格子，颜色表示格子里的任务数（第一次重复）：一次停顿是一列格子，越积越长的队列是一条上升的带。</translation>
    </message>
    <message>
        <source>Server under load</source>
        <translation>负载下的服务器</translation>
    </message>
    <message>
        <source>The server the lab loaded, watched from /proc while the requests ran: the cores its threads kept busy, how many were ready but waiting for a core, and how many threads it ran.</source>
        <translation>实验室施压的服务器，在请求进行期间从 /proc 观察：它的线程占用了多少个核、有多少线程已就绪却在等核，以及它运行了多少个线程。</translation>
    </message>
    <message>
        <source>The server under load: cores busy (solid), threads ready but waiting for a core (dotted), threads (dashed) — %1</source>
        <translation>负载下的服务器：占用的核数（实线）、已就绪但在等核的线程（点线）、线程数（虚线）— %1</translation>
    </message>
    <message>
        <source>The server under load — not watched (load --watch PID) — %1</source>
        <translation>负载下的服务器 — 未观察（load --watch PID）— %1</translation>
    </message>
    <message>
        <source>cores (CPU seconds per second)</source>
        <translation>核数（每秒的 CPU 秒数）</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>%1 cores busy</source>
        <translation>%1 占用的核数</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>核</translation>
    </message>
    <message>
        <source>%1 waiting for a core</source>
        <translation>%1 等核的线程</translation>
    </message>
    <message>
        <source>threads ready</source>
        <translation>个就绪线程</translation>
    </message>
    <message>
        <source>Where the time went</source>
        <translation>时间花在哪里</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队</translation>
    </message>
    <message>
        <source>on a core</source>
        <translation>在核心上运行</translation>
    </message>
    <message>
        <source>ready, waiting for a core</source>
        <translation>就绪，等待核心</translation>
    </message>
    <message>
        <source>blocked (timer or call)</source>
        <translation>阻塞（定时器或调用）</translation>
    </message>
    <message>
        <source>ready, loop busy elsewhere</source>
        <translation>就绪，但循环正忙于其他任务</translation>
    </message>
    <message>
        <source>waiting for the GIL</source>
        <translation>等待 GIL</translation>
    </message>
    <message>
        <source>to a worker process and back</source>
        <translation>往返工作进程</translation>
    </message>
    <message>
        <source>unexplained</source>
        <translation>未解释</translation>
    </message>
    <message>
        <source>client side only</source>
        <translation>仅客户端视角</translation>
    </message>
    <message>
        <source>the lab&apos;s timestamps only</source>
        <translation>仅实验室时间戳</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>&lt; %1%</source>
        <translation>&lt; %1%</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <source>Where the time went — nothing to split — %1</source>
        <translation>时间花在哪里 — 没有可拆分的数据 — %1</translation>
    </message>
    <message>
        <source>No variant ran.</source>
        <translation>没有变体运行。</translation>
    </message>
    <message>
        <source>No task finished, so there is no response time to split.</source>
        <translation>没有任务完成，因此没有可拆分的响应时间。</translation>
    </message>
    <message>
        <source>No variant&apos;s response time was split: the lab times an HTTP target&apos;s requests from outside only, and results files from before the split do not have it.</source>
        <translation>没有变体的响应时间被拆分：实验室只能从外部为 HTTP 目标的请求计时，而拆分功能出现之前的结果文件也没有这项数据。</translation>
    </message>
    <message>
        <source> (not split: %1)</source>
        <translation>（未拆分：%1）</translation>
    </message>
    <message>
        <source> (%1 variants not split)</source>
        <translation>（%1 个变体未拆分）</translation>
    </message>
    <message>
        <source>Where the time went — largest part per variant%1 — %2</source>
        <translation>时间花在哪里 — 每个变体的最大部分%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2: %3 of the response time, %4 per task on average</source>
        <translation>%1 — %2：占响应时间的 %3，平均每任务 %4</translation>
    </message>
    <message>
        <source>share of the response time</source>
        <translation>占响应时间的比例</translation>
    </message>
    <message>
        <source>Largest part</source>
        <translation>最大部分</translation>
    </message>
    <message>
        <source>Each variant&apos;s response time, summed over its finished tasks and split by cause: queued for a worker (or an executor&apos;s thread), on a core, ready but waiting for a core, blocked on a timer or a call, ready while its event loop ran another task, waiting for the GIL, and the trips to a worker process and back; unexplained is what is left. A cause under %1 in every variant is left out.</source>
        <translation>每个变体的响应时间，按其已完成任务求和并按原因拆分：排队等待工作线程（或执行器的线程）、在核心上运行、就绪但等待核心、阻塞于定时器或调用、就绪但事件循环在运行其他任务、等待 GIL，以及往返工作进程；未解释的是剩余部分。在所有变体中都低于 %1 的原因不列出。</translation>
    </message>
    <message>
        <source> Client side only: an HTTP target, whose requests the lab timed from outside; what the server did with them is unexplained here.</source>
        <translation> 仅客户端视角：HTTP 目标，实验室从外部为其请求计时；服务器如何处理这些请求在此处无法解释。</translation>
    </message>
    <message>
        <source> —: not seen.</source>
        <translation> —：未观测到。</translation>
    </message>
    <message>
        <source>Each variant&apos;s response time split by cause, as shares that add up to 100%; each row names its largest part. A segment too narrow for its share has no label: the table in “Where the time went” gives every share.</source>
        <translation>每个变体的响应时间按原因拆分，各部分占比之和为 100%；每行标出其最大部分。太窄的分段不显示标签：“时间花在哪里”中的表格列出了全部占比。</translation>
    </message>
    <message>
        <source>%1 (loop + 1 executor thread)</source>
        <translation>%1（循环 + 1 个执行器线程）</translation>
    </message>
    <message>
        <source>%1 (loop + %2 executor threads)</source>
        <translation>%1（循环 + %2 个执行器线程）</translation>
    </message>
    <message>
        <source>%1 (%2 loops + %3 executor threads)</source>
        <translation>%1（%2 个循环 + %3 个执行器线程）</translation>
    </message>
    <message>
        <source>%1 (%2 threads + %3 executor threads)</source>
        <translation>%1（%2 个线程 + %3 个执行器线程）</translation>
    </message>
    <message>
        <source>Thread timeline: a row per thread, a bar per task or step, thin line = queue wait — %1</source>
        <translation>线程时间线：每个线程一行，每个任务或步骤一条，细线 = 排队等待 — %1</translation>
    </message>
    <message>
        <source>a thread&apos;s states in a step (shares of it, not their order):</source>
        <translation>线程在一个步骤中的状态（占比，而非先后顺序）：</translation>
    </message>
    <message>
        <source> The lab&apos;s timestamps only: the run did not read the kernel&apos;s accounting of that variant&apos;s threads (their steps were too short to time one by one without slowing them, its tasks ran in worker processes, or the split was turned off).</source>
        <translation> 仅实验室时间戳：本次运行没有读取内核对该变体线程的统计（其步骤太短，逐一计时会拖慢它们；或其任务在工作进程中运行；或拆分已关闭）。</translation>
    </message>
</context>
<context>
    <name>conlab::ui::AboutDialog</name>
    <message>
        <source>unknown (not built from a git checkout)</source>
        <translation>未知（并非从 git 检出的源码构建）</translation>
    </message>
    <message>
        <source>Concurrency Lab: %1
Commit: %2
Build type: %3
Compiler: %4
Qt: %5 at build time, %6 at run time
Boost: %7
QCoro: %8
OS: %9
</source>
        <translation>并发实验室：%1
提交：%2
构建类型：%3
编译器：%4
Qt：构建时 %5，运行时 %6
Boost：%7
QCoro：%8
操作系统：%9
</translation>
    </message>
    <message>
        <source>&lt;p&gt;Concurrency Lab is free software: you can redistribute it and modify it under the terms of the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or (at your option) any later version (GPL-3.0-or-later). It comes with no warranty.&lt;/p&gt;&lt;p&gt;It is built on these libraries:&lt;/p&gt;&lt;table cellpadding=&quot;3&quot;&gt;&lt;tr&gt;&lt;th align=&quot;left&quot;&gt;Library&lt;/th&gt;&lt;th align=&quot;left&quot;&gt;What for&lt;/th&gt;&lt;th align=&quot;left&quot;&gt;Licence&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt 6 (Core, Gui, Widgets, Concurrent, Svg, PrintSupport)&lt;/td&gt;&lt;td&gt;the window, the qt_event_loop model, export&lt;/td&gt;&lt;td&gt;&lt;a href=&quot;https://www.gnu.org/licenses/lgpl-3.0.html&quot;&gt;LGPL-3.0&lt;/a&gt; or GPL-2.0/GPL-3.0&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt Charts&lt;/td&gt;&lt;td&gt;every chart&lt;/td&gt;&lt;td&gt;&lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GPL-3.0&lt;/a&gt; (its open-source licence in Qt 6, and why the lab is GPL)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCoro&lt;/td&gt;&lt;td&gt;coroutines on a Qt event loop&lt;/td&gt;&lt;td&gt;&lt;a href=&quot;https://opensource.org/license/mit&quot;&gt;MIT&lt;/a&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Boost (Asio, Beast, JSON, Program Options)&lt;/td&gt;&lt;td&gt;event loops, HTTP mode, experiment files, conlab-cli&apos;s options&lt;/td&gt;&lt;td&gt;&lt;a href=&quot;https://www.boost.org/LICENSE_1_0.txt&quot;&gt;BSL-1.0&lt;/a&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;The installed package lists the copyright holders in /usr/share/doc/conlab/copyright.&lt;/p&gt;</source>
        <translation>&lt;p&gt;并发实验室是自由软件：您可以依据 &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU 通用公共许可证&lt;/a&gt;第 3 版，或（由您选择）任何更新的版本（GPL-3.0-or-later）再分发和修改它。本软件不提供任何担保。&lt;/p&gt;&lt;p&gt;它构建于以下库之上：&lt;/p&gt;&lt;table cellpadding=&quot;3&quot;&gt;&lt;tr&gt;&lt;th align=&quot;left&quot;&gt;库&lt;/th&gt;&lt;th align=&quot;left&quot;&gt;用途&lt;/th&gt;&lt;th align=&quot;left&quot;&gt;许可证&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt 6（Core、Gui、Widgets、Concurrent、Svg、PrintSupport）&lt;/td&gt;&lt;td&gt;窗口、qt_event_loop 模型、导出&lt;/td&gt;&lt;td&gt;&lt;a href=&quot;https://www.gnu.org/licenses/lgpl-3.0.html&quot;&gt;LGPL-3.0&lt;/a&gt; 或 GPL-2.0/GPL-3.0&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt Charts&lt;/td&gt;&lt;td&gt;所有图表&lt;/td&gt;&lt;td&gt;&lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GPL-3.0&lt;/a&gt;（Qt 6 中它的开源许可证，也是本实验室采用 GPL 的原因）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCoro&lt;/td&gt;&lt;td&gt;Qt 事件循环上的协程&lt;/td&gt;&lt;td&gt;&lt;a href=&quot;https://opensource.org/license/mit&quot;&gt;MIT&lt;/a&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Boost（Asio、Beast、JSON、Program Options）&lt;/td&gt;&lt;td&gt;事件循环、HTTP 模式、实验文件、conlab-cli 的命令行选项&lt;/td&gt;&lt;td&gt;&lt;a href=&quot;https://www.boost.org/LICENSE_1_0.txt&quot;&gt;BSL-1.0&lt;/a&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;安装包在 /usr/share/doc/conlab/copyright 中列出了版权持有人。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Concurrency Lab</source>
        <translation>关于并发实验室</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Concurrency Lab %1&lt;/h2&gt;&lt;p&gt;Measurements instead of folklore: for a given kind of work, which way of running it concurrently is fastest, and why?&lt;/p&gt;</source>
        <translation>&lt;h2&gt;并发实验室 %1&lt;/h2&gt;&lt;p&gt;用测量代替道听途说：对于某一类工作，哪种并发运行方式最快，为什么？&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>构建信息(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>许可证(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Copy build info</source>
        <translation>复制构建信息(&amp;C)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
</context>
<context>
    <name>conlab::ui::CapacityDialog</name>
    <message>
        <source>Capacity of %1</source>
        <translation>%1 的容量</translation>
    </message>
    <message>
        <source>The highest arrival rate at which %1 still meets the SLO. Requests arrive at a rate that doubles until the SLO breaks; then the search bisects, with several runs at each rate near the boundary.</source>
        <translation>%1 仍满足 SLO 的最高到达速率。请求的到达速率不断翻倍，直到 SLO 被打破；然后二分搜索，边界附近的每个速率都跑多次。</translation>
    </message>
    <message>
        <source>The highest arrival rate at which the variant %1 (%2) still meets the SLO, run by the lab, with the simulator&apos;s answer beside it. Requests arrive at a rate that doubles until the SLO breaks; then the search bisects, with several runs at each rate near the boundary.</source>
        <translation>变体 %1（%2）仍满足 SLO 的最高到达速率，由实验室运行，旁边是模拟器的答案。请求的到达速率不断翻倍，直到 SLO 被打破；然后二分搜索，边界附近的每个速率都跑多次。</translation>
    </message>
    <message>
        <source>A percentile (p50, p99, p99.9) or the mean, &apos;&lt;&apos;, and a limit in us, ms or s: p99&lt;200ms.</source>
        <translation>一个百分位（p50、p99、p99.9）或 mean，加 &apos;&lt;&apos; 和以 us、ms 或 s 为单位的上限：p99&lt;200ms。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>The search stops after about this long with the best answer so far.</source>
        <translation>搜索在大约这么长时间后停止，给出目前最好的答案。</translation>
    </message>
    <message>
        <source>Runs at each rate near the boundary; the majority decides.</source>
        <translation>边界附近每个速率的运行次数；多数决定。</translation>
    </message>
    <message>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>Runs per rate</source>
        <translation>每个速率的运行次数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Save results…</source>
        <translation>保存结果…</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>stopping… (the runs so far are kept)</source>
        <translation>正在停止…（已有的运行会保留）</translation>
    </message>
    <message>
        <source>SLO: %1</source>
        <translation>SLO：%1</translation>
    </message>
    <message>
        <source>Searching for the highest rate that keeps %1…</source>
        <translation>正在搜索满足 %1 的最高速率…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>%1/s: %2 %3, %4 (%5 requests)</source>
        <translation>%1/秒：%2 %3，%4（%5 个请求）</translation>
    </message>
    <message>
        <source>predicted (simulator, ideal machine): %1</source>
        <translation>预测（模拟器，理想机器）：%1</translation>
    </message>
    <message>
        <source>Save the capacity search</source>
        <translation>保存容量搜索</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Charts (*.png *.svg *.pdf)</source>
        <translation>图表 (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
</context>
<context>
    <name>conlab::ui::ChartPanel</name>
    <message>
        <source>Run the experiment or open a results file to see this chart.</source>
        <translation>运行实验或打开结果文件即可查看此图表。</translation>
    </message>
    <message>
        <source>What the sweep charts draw against the swept parameter</source>
        <translation>扫描图表相对于扫描参数绘制的指标</translation>
    </message>
    <message>
        <source>&amp;Metric</source>
        <translation>指标(&amp;M)</translation>
    </message>
</context>
<context>
    <name>conlab::ui::CompareTableModel</name>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>B / A</source>
        <translation>B / A</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Noise: %1 interval of B − A</source>
        <translation>噪声：B − A 的 %1 区间</translation>
    </message>
</context>
<context>
    <name>conlab::ui::CompareView</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; run %2 “%3” — %4, %5, finished %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 运行 %2 “%3” — %4，%5，完成于 %6</translation>
    </message>
    <message>
        <source>Compare run %1 (A) with run %2 (B) — Concurrency Lab</source>
        <translation>比较运行 %1（A）与运行 %2（B）— 并发实验室</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>无法比较：%1</translation>
    </message>
    <message>
        <source>%1 only in A</source>
        <translation>%1 仅在 A 中</translation>
    </message>
    <message>
        <source>%1 only in B</source>
        <translation>%1 仅在 B 中</translation>
    </message>
    <message>
        <source>Verdict on %1 (threshold %2): %3.</source>
        <translation>%1 的结论（阈值 %2）：%3。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Two sweeps, point by point: %1. Each interval is %2, so that the %3 points and variants together keep 95%.</source>
        <translation>两次扫描逐点比较：%1。每个区间的置信度为 %2，使 %3 个点与变体的组合合起来仍保持 95%。</translation>
    </message>
    <message>
        <source>… and %1 more without a verdict.</source>
        <translation>……另有 %1 项没有结论。</translation>
    </message>
</context>
<context>
    <name>conlab::ui::ExperimentEditor</name>
    <message>
        <source>Experiment and load</source>
        <translation>实验与负载</translation>
    </message>
    <message>
        <source>A short name for the experiment; it titles the charts.</source>
        <translation>实验的简短名称，会用作图表标题。</translation>
    </message>
    <message>
        <source>closed: C clients, each sends its next task when the last ends</source>
        <translation>封闭：C 个客户端，每个在上一个任务结束后发送下一个</translation>
    </message>
    <message>
        <source>open: tasks arrive at rate λ whatever happens</source>
        <translation>开放：无论系统状况如何，任务都以速率 λ 到达</translation>
    </message>
    <message>
        <source>Closed load models a fixed set of clients (the article: 100 clients, 100 requests). Open load models traffic that keeps arriving; latency counts from the intended arrival time.</source>
        <translation>封闭负载模拟一组固定的客户端（文章中是 100 个客户端、100 个请求）。开放负载模拟源源不断到达的流量；延迟从预定的到达时间算起。</translation>
    </message>
    <message>
        <source>N: how many tasks each variant runs.</source>
        <translation>N：每个变体运行的任务数。</translation>
    </message>
    <message>
        <source>C: concurrent clients (closed load). C ≥ N sends every task at once.</source>
        <translation>C：并发客户端数（封闭负载）。C ≥ N 时所有任务一次性发出。</translation>
    </message>
    <message>
        <source> tasks/s</source>
        <translation> 任务/s</translation>
    </message>
    <message>
        <source>λ: arrival rate (open load), in tasks per second at time scale 1.</source>
        <translation>λ：到达速率（开放负载），单位为时间缩放为 1 时的每秒任务数。</translation>
    </message>
    <message>
        <source>constant spacing</source>
        <translation>等间隔</translation>
    </message>
    <message>
        <source>Poisson (random, seeded)</source>
        <translation>泊松（随机，带种子）</translation>
    </message>
    <message>
        <source>How open-load arrivals are spaced.</source>
        <translation>开放负载下任务到达的间隔方式。</translation>
    </message>
    <message>
        <source>Run each variant this many times; latencies pool over repeats.</source>
        <translation>每个变体运行的次数；各次的延迟合并统计。</translation>
    </message>
    <message>
        <source>Multiplies every duration: 0.05 replays a 100 s run in 5 s with the same shape. CPU work is scaled too.</source>
        <translation>所有时长都乘以此系数：0.05 会用 5 s 以相同形态重演 100 s 的运行。CPU 工作量也一并缩放。</translation>
    </message>
    <message>
        <source>Seed for drawn durations and Poisson arrivals: the same seed gives the same workload.</source>
        <translation>随机时长和泊松到达所用的种子：相同的种子产生相同的工作负载。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Rate λ</source>
        <translation>速率 λ</translation>
    </message>
    <message>
        <source>Time scale</source>
        <translation>时间缩放</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Variants: one row per way of running the tasks</source>
        <translation>变体：每行是一种运行任务的方式</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a variant (a thread pool of 4 blocking 100 ms)</source>
        <translation>添加变体（4 线程的线程池，阻塞 100 ms）</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected variant below it</source>
        <translation>在所选变体下方复制一份</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected variant</source>
        <translation>删除所选变体</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the selected variant up</source>
        <translation>将所选变体上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected variant down</source>
        <translation>将所选变体下移</translation>
    </message>
    <message>
        <source>Workload of the selected variant: what each task does</source>
        <translation>所选变体的工作负载：每个任务做什么</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Add an io step of 100 ms</source>
        <translation>添加一个 100 ms 的 io 步骤</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>删除所选步骤</translation>
    </message>
    <message>
        <source>Move the selected step earlier</source>
        <translation>将所选步骤提前</translation>
    </message>
    <message>
        <source>Move the selected step later</source>
        <translation>将所选步骤推后</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fix before running:&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;运行前请修正：&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Durations are scaled: every step takes %1× its written time.</source>
        <translation>时长已缩放：每个步骤耗时为所写时长的 %1 倍。</translation>
    </message>
    <message>
        <source>This run should take about %1%2.</source>
        <translation>本次运行预计约需 %1%2。</translation>
    </message>
    <message>
        <source> (unscaled it would take %1)</source>
        <translation>（不缩放则需 %1）</translation>
    </message>
    <message>
        <source>The sweep has %1 points × %2 variants × %3 repeats.</source>
        <translation>扫描共有 %1 个点 × %2 个变体 × %3 次重复。</translation>
    </message>
    <message>
        <source>The sweep has %1 points: %2 variant runs, estimated %3.</source>
        <translation>扫描共有 %1 个点：%2 次变体运行，预计 %3。</translation>
    </message>
    <message>
        <source>in process (or http://HOST:PORT to measure a server)</source>
        <translation>进程内（或填 http://HOST:PORT 测量一个服务器）</translation>
    </message>
    <message>
        <source>A real server to measure instead: each variant&apos;s tasks become requests to HOST:PORT followed by the variant&apos;s label (the article&apos;s /a … /d) under this load, beside the variant&apos;s prediction. A server runs at its own speed, so the time scale is 1.</source>
        <translation>改为测量一个真实服务器：每个变体的任务变成发往 HOST:PORT 加上该变体标签（文章的 /a … /d）的请求，负载不变，旁边是该变体的预测。服务器按自己的速度运行，所以时间缩放为 1。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>At the server&apos;s own speed (no time scale).</source>
        <translation>按服务器自己的速度运行（不缩放时间）。</translation>
    </message>
    <message>
        <source>PID (optional)</source>
        <translation>PID（可选）</translation>
    </message>
    <message>
        <source>The server&apos;s process ID: while the lab loads it, it watches its threads, their CPU and their wait for a core, and its memory, and charts them beside the latency.</source>
        <translation>服务器的进程 ID：实验室对它施压时，会观察它的线程、线程的 CPU 和等核时间，以及它的内存，并画在延迟旁边。</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>观察</translation>
    </message>
</context>
<context>
    <name>conlab::ui::ExplanationText</name>
    <message>
        <source> (Python&apos;s default executor has min(32, cores + 4) = %1 threads on %2 cores)</source>
        <translation>（Python 默认执行器在 %2 个核心上有 min(32, 核心数 + 4) = %1 个线程）</translation>
    </message>
    <message>
        <source> (AnyIO&apos;s thread limiter allows %1 threads)</source>
        <translation>（AnyIO 的线程限制器允许 %1 个线程）</translation>
    </message>
    <message>
        <source> (the pool has %1 threads)</source>
        <translation>（线程池有 %1 个线程）</translation>
    </message>
    <message>
        <source>, so %1 tasks took %2 waves</source>
        <translation>，因此 %1 个任务分 %2 批完成</translation>
    </message>
    <message>
        <source>The event loop was held up %1 of the run (worst lag %2) although no step of this workload blocks it: the machine was busy with other work, and these numbers carry that noise.</source>
        <translation>事件循环在 %1 的运行时间内被拖慢（最大延迟 %2），而该工作负载中没有任何步骤会阻塞它：机器正忙于其他工作，这些数字带有这部分噪声。</translation>
    </message>
    <message>
        <source>The event loop was blocked %1 of the run (worst lag %2): each blocking step froze every task, so about %3 ran at a time.</source>
        <translation>事件循环在 %1 的运行时间内被阻塞（最大延迟 %2）：每个阻塞步骤都冻结了所有任务，因此同一时刻约只有 %3 个在运行。</translation>
    </message>
    <message>
        <source>The loop stayed free (worst lag %1), but tasks spent %2 of their response time waiting for an executor thread; about %3 ran their blocking work at once%4.</source>
        <translation>事件循环保持畅通（最大延迟 %1），但任务有 %2 的响应时间花在等待执行器线程上；同一时刻约有 %3 个在执行阻塞工作%4。</translation>
    </message>
    <message>
        <source>Tasks spent %1 of their response time queued for a worker; about %2 ran at once%3.</source>
        <translation>任务有 %1 的响应时间在排队等待工作线程；同一时刻约有 %2 个在运行%3。</translation>
    </message>
    <message>
        <source>The CPU was saturated (%1 of %2 cores): computation, not waiting, set the pace.</source>
        <translation>CPU 已饱和（%2 个核心的 %1）：决定速度的是计算，而不是等待。</translation>
    </message>
    <message>
        <source>About %1 tasks computed at once on %2 cores (CPU %3 busy): computation can only overlap as far as there are free cores.</source>
        <translation>约 %1 个任务在 %2 个核心上同时计算（CPU 忙碌 %3）：计算只能在有空闲核心的范围内重叠。</translation>
    </message>
    <message>
        <source>About %1 tasks overlapped at once and the loop stayed responsive (worst lag %2); waiting was overlapped, not queued.</source>
        <translation>约 %1 个任务同时重叠进行，事件循环保持响应（最大延迟 %2）；等待是重叠的，而不是排队。</translation>
    </message>
    <message>
        <source>About %1 tasks overlapped at once; waiting was overlapped, not queued.</source>
        <translation>约 %1 个任务同时重叠进行；等待是重叠的，而不是排队。</translation>
    </message>
    <message>
        <source> Measured %1 vs predicted %2 (%3): slower than an ideal machine by more than 10%, overhead or contention worth a look.</source>
        <translation>实测 %1，预测 %2（%3）：比理想机器慢 10% 以上，开销或争用值得一查。</translation>
    </message>
    <message>
        <source> Measured %1 vs predicted %2 (%3): faster than the model says, so the model misses something here.</source>
        <translation>实测 %1，预测 %2（%3）：比模型给出的更快，说明模型在这里遗漏了什么。</translation>
    </message>
    <message>
        <source> Measured %1 vs predicted %2 (%3).</source>
        <translation>实测 %1，预测 %2（%3）。</translation>
    </message>
    <message>
        <source> This agrees with the reported %1.</source>
        <translation>这与文章报告的 %1 相符。</translation>
    </message>
    <message>
        <source> The reported %1 does not hold here: with %2 threads, %3 tasks need ⌈%3/%2⌉ = %4 waves; %1 would need %3 threads at once.</source>
        <translation>文章报告的 %1 在这里不成立：只有 %2 个线程时，%3 个任务需要 ⌈%3/%2⌉ = %4 批；要达到 %1，需要同时有 %3 个线程。</translation>
    </message>
    <message>
        <source> The reported %1 does not hold here (measured %2).</source>
        <translation>文章报告的 %1 在这里不成立（实测 %2）。</translation>
    </message>
    <message>
        <source>No task finished, so there is nothing to explain yet.</source>
        <translation>没有任务完成，暂时没有可解释的内容。</translation>
    </message>
    <message>
        <source> Only %1 of %2 tasks finished before the run stopped.</source>
        <translation>运行停止前，%2 个任务中只完成了 %1 个。</translation>
    </message>
    <message>
        <source>Its threads waited %1 of their running time for the GIL, about %2 each time a wait ended: a CPU-bound thread held the lock, and a waiting thread gets it back only when the switch interval (%3) has passed and it asks for it.</source>
        <translation>其线程在运行时间中有 %1 在等待 GIL，每次等待结束后约等 %2：一个 CPU 密集线程持有这把锁，等待的线程要等切换间隔（%3）过去并提出请求后才能拿回它。</translation>
    </message>
    <message>
        <source>Its threads waited %1 of their running time for the GIL (%2 forced switches): in CPython one thread runs Python code at a time, so %3 threads computed at the speed of one.</source>
        <translation>其线程在运行时间中有 %1 在等待 GIL（强制切换 %2 次）：CPython 中同一时刻只有一个线程执行 Python 代码，所以 %3 个线程只以一个线程的速度计算。</translation>
    </message>
    <message>
        <source> (the pool has %1 worker processes)</source>
        <translation>（进程池有 %1 个工作进程）</translation>
    </message>
    <message>
        <source>The loop stayed free (worst lag %1), but tasks spent %2 of their response time waiting for a worker process; about %3 ran their blocking work at once%4.</source>
        <translation>事件循环一直保持空闲（最大延迟 %1），但任务有 %2 的响应时间在等待工作进程；约 %3 个任务同时执行阻塞工作%4。</translation>
    </message>
    <message>
        <source> Each of its %1 worker processes has an interpreter of its own; starting them took %2 inside the makespan</source>
        <translation>它的 %1 个工作进程各有自己的解释器；启动它们用了 %2，计入总耗时</translation>
    </message>
    <message>
        <source> Each of its %1 worker processes has an interpreter of its own; starting them took %2 before the run, as a server&apos;s do</source>
        <translation>它的 %1 个工作进程各有自己的解释器；启动它们用了 %2，在运行前完成，与服务器的工作进程一样</translation>
    </message>
    <message>
        <source>, and each task&apos;s trip to a worker and back %1 (p50)</source>
        <translation>，每个任务发送到工作进程再返回用时 %1（p50）</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source> A worker process died and took down %1 tasks.</source>
        <translation>一个工作进程死亡，连带丢失了 %1 个任务。</translation>
    </message>
    <message>
        <source>Repeat %1: %2. </source>
        <translation>第 %1 次重复：%2。</translation>
    </message>
    <message>
        <source>%1× the memory per task</source>
        <translation>%1× 的每任务内存</translation>
    </message>
    <message>
        <source>%1× the CPU per wait</source>
        <translation>%1× 的每次等待 CPU</translation>
    </message>
    <message>
        <source>%1× the context switches per task</source>
        <translation>%1× 的每任务上下文切换</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> Each task on a thread here took %1 of a coroutine in “%2”.</source>
        <translation>这里每个在线程上运行的任务，用掉了“%2”中一个协程的 %1。</translation>
    </message>
    <message>
        <source>%1× the CPU per wait beyond the tasks&apos; own computation</source>
        <translation>%1× 的任务自身计算之外的每次等待 CPU</translation>
    </message>
    <message>
        <source>more than %1× the CPU per wait beyond the tasks&apos; own computation</source>
        <translation>超过 %1× 的任务自身计算之外的每次等待 CPU</translation>
    </message>
    <message>
        <source>Tasks spent %1 of their response time waiting for their own thread to start; about %2 ran at once%3.</source>
        <translation>任务有 %1 的响应时间在等待自己的线程启动；同一时刻约有 %2 个在运行%3。</translation>
    </message>
    <message>
        <source>%1: Python&apos;s default executor has min(32, cores + 4) = %2 threads on %3 cores</source>
        <translation>%1：Python 的默认执行器在 %3 核上有 min(32, 核数 + 4) = %2 个线程</translation>
    </message>
    <message>
        <source>%1: AnyIO&apos;s thread limiter allows %2 threads</source>
        <translation>%1：AnyIO 的线程限制器允许 %2 个线程</translation>
    </message>
    <message>
        <source>%1: the pool has %2 threads</source>
        <translation>%1：线程池有 %2 个线程</translation>
    </message>
    <message>
        <source>%1: the pool has %2 worker processes</source>
        <translation>%1：进程池有 %2 个工作进程</translation>
    </message>
    <message>
        <source>%1: a blocking step holds the one loop, so requests are served one at a time</source>
        <translation>%1：阻塞步骤占住唯一的事件循环，请求只能一个接一个处理</translation>
    </message>
    <message>
        <source>%1: the waits overlap on one loop</source>
        <translation>%1：等待在同一个事件循环上重叠</translation>
    </message>
    <message>
        <source>The server took %1 where its model (%2) predicts %3 (%4): it does not work as that model says; it overlapped less (a smaller pool, a blocking call, or too few cores).</source>
        <translation>服务器用了 %1，而它的模型（%2）预测为 %3（%4）：它的行为与该模型不符；它的重叠更少（池更小、有阻塞调用，或核数不够）。</translation>
    </message>
    <message>
        <source>The server took %1 where its model (%2) predicts %3 (%4): it does not work as that model says; it overlapped more (a larger pool, or a wait that does not block).</source>
        <translation>服务器用了 %1，而它的模型（%2）预测为 %3（%4）：它的行为与该模型不符；它的重叠更多（池更大，或等待并不阻塞）。</translation>
    </message>
    <message>
        <source>The server took %1, as its model predicts (%2, %3), %4.</source>
        <translation>服务器用了 %1，与其模型的预测一致（%2，%3），%4。</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队</translation>
    </message>
    <message>
        <source>on a core</source>
        <translation>在核心上运行</translation>
    </message>
    <message>
        <source>waiting for a core</source>
        <translation>等待核心</translation>
    </message>
    <message>
        <source>blocked on a wait</source>
        <translation>阻塞于等待</translation>
    </message>
    <message>
        <source>ready while its loop ran others</source>
        <translation>就绪但其循环在运行其他任务</translation>
    </message>
    <message>
        <source>waiting for the GIL</source>
        <translation>等待 GIL</translation>
    </message>
    <message>
        <source>on the way to a worker process</source>
        <translation>往返工作进程</translation>
    </message>
    <message>
        <source>unexplained</source>
        <translation>未解释</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source> Its response time went to: %1.</source>
        <translation> 其响应时间的去向：%1。</translation>
    </message>
    <message>
        <source>1 core</source>
        <translation>1 个核心</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 个核心</translation>
    </message>
    <message>
        <source> Once started, %1 of it was spent ready but waiting for a core: the CPU (%2), not the pool of %3, was the limit.</source>
        <translation> 任务开始后，其中 %1 的时间处于就绪但等待核心的状态：瓶颈是 CPU（%2），而不是大小为 %3 的线程池。</translation>
    </message>
    <message>
        <source> Once started, %1 of it was spent ready but waiting for a core: the CPU (%2) was the limit.</source>
        <translation> 任务开始后，其中 %1 的时间处于就绪但等待核心的状态：瓶颈是 CPU（%2）。</translation>
    </message>
    <message>
        <source> (the pool has 1 thread)</source>
        <translation>（线程池有 1 个线程）</translation>
    </message>
    <message>
        <source> (the pool has 1 worker process)</source>
        <translation>（进程池有 1 个工作进程）</translation>
    </message>
    <message>
        <source>%1: the pool has 1 thread</source>
        <translation>%1：线程池有 1 个线程</translation>
    </message>
    <message>
        <source>%1: the pool has 1 worker process</source>
        <translation>%1：进程池有 1 个工作进程</translation>
    </message>
    <message>
        <source> The rest went to: %1.</source>
        <translation> 其余时间的去向：%1。</translation>
    </message>
</context>
<context>
    <name>conlab::ui::ExplanationView</name>
    <message>
        <source>&lt;p style=&apos;color:#666&apos;&gt;Run the experiment (Ctrl+R) to see, for each variant, what was measured and why.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#666&apos;&gt;运行实验（Ctrl+R）后，这里会说明每个变体测得了什么，以及原因。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cancelled:&lt;/b&gt; these numbers cover what was measured before the cancel.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;已取消：&lt;/b&gt;这些数字只涵盖取消前测得的部分。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b00&apos;&gt;&lt;b&gt;The run failed:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b00&apos;&gt;&lt;b&gt;运行失败：&lt;/b&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>predicted %1 (%2)</source>
        <translation>预测 %1（%2）</translation>
    </message>
    <message>
        <source>%1 · %2 measured, %3</source>
        <translation>%1 · 实测 %2，%3</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Sweep&lt;/b&gt; over %1: %2 of %3 runs done.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;扫描&lt;/b&gt; %1：已完成 %3 次运行中的 %2 次。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;nothing to say yet: no point is finished&lt;/li&gt;</source>
        <translation>&lt;li&gt;暂无结论：还没有完成任何点&lt;/li&gt;</translation>
    </message>
</context>
<context>
    <name>conlab::ui::ExportDialog</name>
    <message>
        <source>Export all charts</source>
        <translation>导出全部图表</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG vector graphics</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>PNG keeps the pixel size and draws text and lines DPI/96 times larger.</source>
        <translation>PNG 保持像素尺寸不变，文字和线条按 DPI/96 倍放大绘制。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>DPI</translation>
    </message>
    <message>
        <source>Charts (*.png *.svg *.pdf)</source>
        <translation>图表 (*.png *.svg *.pdf)</translation>
    </message>
</context>
<context>
    <name>conlab::ui::HistoryPanel</name>
    <message>
        <source>Move it aside and start a new history…</source>
        <translation>将其移到一旁并开始新的历史记录…</translation>
    </message>
    <message>
        <source>Search names, experiments and tags</source>
        <translation>搜索名称、实验和标签</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show the run&apos;s charts, table and explanations (double-click)</source>
        <translation>显示该次运行的图表、表格和解释（双击）</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare the two selected runs: the older (or the baseline) is A</source>
        <translation>比较所选的两次运行：较早的一次（或基准）为 A</translation>
    </message>
    <message>
        <source>Compare with baseline</source>
        <translation>与基准比较</translation>
    </message>
    <message>
        <source>Compare the selected run (B) with its experiment&apos;s baseline (A)</source>
        <translation>将所选运行（B）与其实验的基准（A）比较</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Mark the run as its experiment&apos;s baseline (one per experiment)</source>
        <translation>将该运行标记为其实验的基准（每个实验一个）</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Give the run a name of its own (F2 on the name)</source>
        <translation>为该运行起一个名字（在名称上按 F2）</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Edit the run&apos;s tags, separated by commas</source>
        <translation>编辑该运行的标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the selected runs and their results files (asks first)</source>
        <translation>删除所选运行及其结果文件（会先询问）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the history again (another lab window may have added runs)</source>
        <translation>重新读取历史记录（其他实验室窗口可能添加了运行）</translation>
    </message>
    <message>
        <source>The run history cannot be used, so runs are not recorded: %1</source>
        <translation>无法使用运行历史，因此不会记录运行：%1</translation>
    </message>
    <message>
        <source>Move the history aside?</source>
        <translation>将历史记录移到一旁吗？</translation>
    </message>
    <message>
        <source>%1 is renamed to %2 and a new, empty history starts. Nothing is deleted: the old file stays there for you to inspect or restore.</source>
        <translation>%1 将重命名为 %2，并开始一份新的空历史记录。不会删除任何内容：旧文件保留在原处，供您检查或恢复。</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2</source>
        <translation>无法将 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>The run was not recorded: %1</source>
        <translation>该运行未被记录：%1</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>无法比较：%1</translation>
    </message>
    <message>
        <source>Delete run %1 “%2” (%3, finished %4)? Its results file is removed too.</source>
        <translation>删除运行 %1 “%2”（%3，完成于 %4）吗？其结果文件也会被删除。</translation>
    </message>
    <message>
        <source>Delete these %1 runs? Their results files are removed too.</source>
        <translation>删除这 %1 次运行吗？它们的结果文件也会被删除。</translation>
    </message>
    <message>
        <source>Delete from the history</source>
        <translation>从历史记录中删除</translation>
    </message>
</context>
<context>
    <name>conlab::ui::HistoryTableModel</name>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Run %1 of %2, time scale %3
started %4, finished %5
%6</source>
        <translation>%2 的运行 %1，时间缩放 %3
开始于 %4，完成于 %5
%6</translation>
    </message>
    <message>
        <source>
The baseline of %1: other runs of it compare with this one.</source>
        <translation>
%1 的基准：它的其他运行都与这一次比较。</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1（基准）</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Key numbers per variant</source>
        <translation>各变体关键数字</translation>
    </message>
    <message>
        <source>%1 nothing finished</source>
        <translation>%1 没有完成任何点</translation>
    </message>
    <message>
        <source>%1 best %2/s at %3</source>
        <translation>%1 最佳 %2/s（%3）</translation>
    </message>
</context>
<context>
    <name>conlab::ui::Language</name>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Concurrency Lab</source>
        <translation>并发实验室</translation>
    </message>
</context>
<context>
    <name>conlab::ui::LatencyMapItem</name>
    <message>
        <source>tasks per cell</source>
        <translation>每格任务数</translation>
    </message>
    <message>
        <source>when the task ended, since the variant started (ms)</source>
        <translation>任务结束时间，从变体开始算起（毫秒）</translation>
    </message>
    <message>
        <source>when the task ended, since the variant started (s)</source>
        <translation>任务结束时间，从变体开始算起（秒）</translation>
    </message>
    <message>
        <source>response time (log scale)</source>
        <translation>响应时间（对数刻度）</translation>
    </message>
    <message>
        <source>one cell: %1 of the run × a tenth of a decade of response time · dashed line: p99</source>
        <translation>一格：运行时间 %1 × 响应时间的十分之一个数量级 · 虚线：p99</translation>
    </message>
    <message>
        <source>no task finished</source>
        <translation>没有任务完成</translation>
    </message>
    <message>
        <source>p99 %1 · max %2 · %3 tasks</source>
        <translation>p99 %1 · 最大 %2 · %3 个任务</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>%1: %2 tasks took %3–%4, ending %5–%6 after the start</source>
        <translation>%1：%2 个任务耗时 %3–%4，在开始后 %5–%6 结束</translation>
    </message>
</context>
<context>
    <name>conlab::ui::LiveChart</name>
    <message>
        <source>Completions over time (live)</source>
        <translation>完成数随时间变化（实时）</translation>
    </message>
    <message>
        <source>Tasks in flight (live)</source>
        <translation>在途任务数（实时）</translation>
    </message>
    <message>
        <source>time since the run started (s)</source>
        <translation>自运行开始起的时间（s）</translation>
    </message>
    <message>
        <source>tasks finished</source>
        <translation>已完成任务</translation>
    </message>
    <message>
        <source>tasks in flight</source>
        <translation>在途任务数</translation>
    </message>
    <message>
        <source>Tasks submitted and not yet finished, read from the run&apos;s counters about ten times a second.</source>
        <translation>已提交但尚未完成的任务，每秒约十次读取自运行的计数器。</translation>
    </message>
</context>
<context>
    <name>conlab::ui::MainWindow</name>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>%1 done: %2 tasks in %3</source>
        <translation>%1 完成：%2 个任务，用时 %3</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New experiment</source>
        <translation>新建实验(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run experiment</source>
        <translation>运行实验(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel (keep what was measured)</source>
        <translation>取消(&amp;C)（保留已测结果）</translation>
    </message>
    <message>
        <source>Run every variant (Ctrl+R)</source>
        <translation>运行所有变体（Ctrl+R）</translation>
    </message>
    <message>
        <source>Stop the run; what was measured is kept (Esc)</source>
        <translation>停止运行；已测得的结果会保留（Esc）</translation>
    </message>
    <message>
        <source>R&amp;esults</source>
        <translation>结果(&amp;E)</translation>
    </message>
    <message>
        <source>Export this &amp;chart…</source>
        <translation>导出此图表(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;all charts…</source>
        <translation>导出全部图表(&amp;A)…</translation>
    </message>
    <message>
        <source>Co&amp;py this chart</source>
        <translation>复制此图表(&amp;P)</translation>
    </message>
    <message>
        <source>Save results as &amp;JSON…</source>
        <translation>将结果保存为 &amp;JSON…</translation>
    </message>
    <message>
        <source>Save samples as &amp;CSV…</source>
        <translation>将样本保存为 &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Log axes where the data spans decades</source>
        <translation>数据跨越多个数量级时使用对数坐标轴(&amp;L)</translation>
    </message>
    <message>
        <source>Response-time CDF on a log &amp;x axis</source>
        <translation>响应时间 CDF 使用对数 &amp;x 轴</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Ready. Ctrl+R runs the experiment.</source>
        <translation>就绪。按 Ctrl+R 运行实验。</translation>
    </message>
    <message>
        <source>No such preset</source>
        <translation>没有这个预设</translation>
    </message>
    <message>
        <source>The preset is broken</source>
        <translation>预设已损坏</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cancelling: keeping what was measured…</source>
        <translation>正在取消：保留已测得的结果…</translation>
    </message>
    <message>
        <source>Running %1 (repeat %2): %3 of %4 tasks · %5 elapsed</source>
        <translation>正在运行 %1（第 %2 次重复）：%3 / %4 个任务 · 已用时 %5</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · 约剩 %1</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled (partial results kept)</source>
        <translation>已取消（保留部分结果）</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 in %2.</source>
        <translation>%1，用时 %2。</translation>
    </message>
    <message>
        <source>%1[*] — Concurrency Lab</source>
        <translation>%1[*] — 并发实验室</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open an experiment or results file</source>
        <translation>打开实验或结果文件</translation>
    </message>
    <message>
        <source>Concurrency Lab files (*.json);;All files (*)</source>
        <translation>并发实验室文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Save the experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>Experiment files (*.json)</source>
        <translation>实验文件 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The experiment has changes. Save them?</source>
        <translation>实验有更改。要保存吗？</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Wrote every chart to %1</source>
        <translation>已将全部图表写入 %1</translation>
    </message>
    <message>
        <source>Copied the chart as an image</source>
        <translation>已将图表复制为图像</translation>
    </message>
    <message>
        <source>Save results</source>
        <translation>保存结果</translation>
    </message>
    <message>
        <source>Results (*.json)</source>
        <translation>结果 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save the results</source>
        <translation>无法保存结果</translation>
    </message>
    <message>
        <source>Save samples</source>
        <translation>保存样本</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot save the samples</source>
        <translation>无法保存样本</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Concurrency Lab</source>
        <translation>关于并发实验室(&amp;A)</translation>
    </message>
    <message>
        <source>Run a big sweep?</source>
        <translation>运行大规模扫描吗？</translation>
    </message>
    <message>
        <source>This sweep is big: %1.

Run it? Cancel stops it at any time and keeps the finished points.</source>
        <translation>这次扫描规模很大：%1。

要运行吗？可以随时取消，已完成的点会保留。</translation>
    </message>
    <message>
        <source>The sweep was not started.</source>
        <translation>扫描未开始。</translation>
    </message>
    <message>
        <source>Starting the sweep: %1 variant runs, estimated %2…</source>
        <translation>正在开始扫描：%1 次变体运行，预计 %2…</translation>
    </message>
    <message>
        <source>Sweep run %1 of %2: %3</source>
        <translation>扫描运行 %1 / %2：%3</translation>
    </message>
    <message>
        <source> · repeat %1 of %2</source>
        <translation> · 重复 %1 / %2</translation>
    </message>
    <message>
        <source> · %1 elapsed</source>
        <translation> · 已用时 %1</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>One HTML or PDF document: the experiment, the environment, the numbers, every chart and the explanations</source>
        <translation>一份 HTML 或 PDF 文档：实验、环境、数据、全部图表和解释</translation>
    </message>
    <message>
        <source>Find the &amp;capacity of the selected variant…</source>
        <translation>查找所选变体的容量(&amp;C)…</translation>
    </message>
    <message>
        <source>The highest arrival rate at which the variant meets an SLO such as p99&lt;200ms</source>
        <translation>变体满足某个 SLO（如 p99&lt;200ms）的最高到达速率</translation>
    </message>
    <message>
        <source>Cannot search</source>
        <translation>无法搜索</translation>
    </message>
    <message>
        <source>Fix the experiment first: %1</source>
        <translation>请先修正实验：%1</translation>
    </message>
</context>
<context>
    <name>conlab::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>The language of menus, charts and explanations. conlab-cli and the files it writes stay in English.</source>
        <translation>菜单、图表和解释所用的语言。conlab-cli 及其写出的文件仍使用英文。</translation>
    </message>
    <message>
        <source>A new language applies when Concurrency Lab starts again.</source>
        <translation>新的语言将在并发实验室下次启动时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>conlab::ui::RecentFiles</name>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>conlab::ui::ResultsTableModel</name>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>pool or executor threads</source>
        <translation>线程池或执行器的线程数</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>tasks finished</source>
        <translation>已完成任务</translation>
    </message>
    <message>
        <source>Makespan</source>
        <translation>总耗时</translation>
    </message>
    <message>
        <source>last end − first submit</source>
        <translation>最后结束 − 最早提交</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>ideal-machine makespan</source>
        <translation>理想机器上的总耗时</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>completions / makespan</source>
        <translation>完成数 / 总耗时</translation>
    </message>
    <message>
        <source>Pred. throughput</source>
        <translation>预测吞吐量</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>response time</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>p99.9</source>
        <translation>p99.9</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Queue wait p99</source>
        <translation>排队等待 p99</translation>
    </message>
    <message>
        <source>start − submit</source>
        <translation>开始 − 提交</translation>
    </message>
    <message>
        <source>Queue share</source>
        <translation>排队占比</translation>
    </message>
    <message>
        <source>Σ queue wait / Σ response</source>
        <translation>Σ 排队等待 / Σ 响应时间</translation>
    </message>
    <message>
        <source>CPU time</source>
        <translation>CPU 时间</translation>
    </message>
    <message>
        <source>user + system</source>
        <translation>用户态 + 内核态</translation>
    </message>
    <message>
        <source>CPU use</source>
        <translation>CPU 利用率</translation>
    </message>
    <message>
        <source>CPU time / (makespan × cores)</source>
        <translation>CPU 时间 / (总耗时 × 核心数)</translation>
    </message>
    <message>
        <source>Ctx switches</source>
        <translation>上下文切换次数</translation>
    </message>
    <message>
        <source>Peak threads</source>
        <translation>峰值线程数</translation>
    </message>
    <message>
        <source>Workers used</source>
        <translation>使用的工作线程数</translation>
    </message>
    <message>
        <source>threads that started tasks</source>
        <translation>启动过任务的线程数</translation>
    </message>
    <message>
        <source>Peak RSS</source>
        <translation>峰值 RSS</translation>
    </message>
    <message>
        <source>Loop lag max</source>
        <translation>最大循环延迟</translation>
    </message>
    <message>
        <source>Loop blocked</source>
        <translation>循环阻塞占比</translation>
    </message>
    <message>
        <source>share of the run the loop was late</source>
        <translation>事件循环迟滞的时间占运行时间的比例</translation>
    </message>
    <message>
        <source>Little&apos;s law gap</source>
        <translation>利特尔定律偏差</translation>
    </message>
    <message>
        <source>|L − λW| / max(L, λW)</source>
        <translation>|L − λW| / max(L, λW)</translation>
    </message>
    <message>
        <source>GIL wait p50</source>
        <translation>GIL 等待 p50</translation>
    </message>
    <message>
        <source>per task, waiting to take the interpreter lock</source>
        <translation>每个任务等待获取解释器锁的时间</translation>
    </message>
    <message>
        <source>GIL share</source>
        <translation>GIL 等待占比</translation>
    </message>
    <message>
        <source>Σ GIL wait / Σ response</source>
        <translation>Σ GIL 等待 / Σ 响应时间</translation>
    </message>
    <message>
        <source>Forced switches</source>
        <translation>强制切换</translation>
    </message>
    <message>
        <source>times a waiting thread made the GIL&apos;s holder drop it, per run</source>
        <translation>每次运行中，等待的线程迫使 GIL 持有者释放它的次数</translation>
    </message>
    <message>
        <source>Workers&apos; start</source>
        <translation>工作进程启动</translation>
    </message>
    <message>
        <source>forking the worker processes until every one was ready</source>
        <translation>从 fork 工作进程到全部就绪</translation>
    </message>
    <message>
        <source>Hand-off p50</source>
        <translation>往返传递 p50</translation>
    </message>
    <message>
        <source>per task, its steps&apos; trips to a worker process and back</source>
        <translation>每个任务的步骤发送到工作进程再返回的时间</translation>
    </message>
    <message>
        <source>Memory per task</source>
        <translation>每任务内存</translation>
    </message>
    <message>
        <source>peak RSS above the lab&apos;s own, ÷ peak tasks in flight</source>
        <translation>峰值 RSS 减去实验室自身占用，÷ 峰值在途任务数</translation>
    </message>
    <message>
        <source>CPU per wait</source>
        <translation>每次等待的 CPU</translation>
    </message>
    <message>
        <source>CPU time ÷ the finished tasks&apos; waits (io and blocking_io steps)</source>
        <translation>CPU 时间 ÷ 已完成任务的等待次数（io 和 blocking_io 步骤）</translation>
    </message>
    <message>
        <source>Overhead per wait</source>
        <translation>每次等待的额外开销</translation>
    </message>
    <message>
        <source>CPU per wait less the tasks&apos; own computation: waiting and waking</source>
        <translation>每次等待的 CPU 减去任务自身的计算：即等待与唤醒的开销</translation>
    </message>
    <message>
        <source>Voluntary sw/task</source>
        <translation>自愿切换/任务</translation>
    </message>
    <message>
        <source>context switches per task where a thread blocked or slept</source>
        <translation>线程阻塞或睡眠造成的每任务上下文切换</translation>
    </message>
    <message>
        <source>Involuntary sw/task</source>
        <translation>非自愿切换/任务</translation>
    </message>
    <message>
        <source>context switches per task where the kernel took the core away</source>
        <translation>内核夺走核心造成的每任务上下文切换</translation>
    </message>
    <message>
        <source>Thread start</source>
        <translation>线程启动</translation>
    </message>
    <message>
        <source>mean CPU time to start one of the threads that run tasks (pthread_create)</source>
        <translation>启动一个运行任务的线程所需的平均 CPU 时间（pthread_create）</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>Largest part</source>
        <translation>最大部分</translation>
    </message>
    <message>
        <source>where most of the response time went (the “Where the time went” chart)</source>
        <translation>大部分响应时间的去向（见“时间花在哪里”图）</translation>
    </message>
    <message>
        <source>% queued</source>
        <translation>% 排队</translation>
    </message>
    <message>
        <source>share of the response time queued for a worker or an executor&apos;s thread</source>
        <translation>排队等待工作线程或执行器线程的时间占响应时间的比例</translation>
    </message>
    <message>
        <source>% on a core</source>
        <translation>% 在核心上</translation>
    </message>
    <message>
        <source>share of the response time running on a core</source>
        <translation>在核心上运行的时间占响应时间的比例</translation>
    </message>
    <message>
        <source>% ready for a core</source>
        <translation>% 等待核心</translation>
    </message>
    <message>
        <source>share of the response time ready to run, waiting for a core</source>
        <translation>就绪但等待核心的时间占响应时间的比例</translation>
    </message>
    <message>
        <source>% blocked</source>
        <translation>% 阻塞</translation>
    </message>
    <message>
        <source>share of the response time blocked on a timer or a blocking call</source>
        <translation>阻塞于定时器或阻塞调用的时间占响应时间的比例</translation>
    </message>
    <message>
        <source>% loop busy</source>
        <translation>% 循环忙</translation>
    </message>
    <message>
        <source>share of the response time ready while its event loop ran another task</source>
        <translation>就绪但事件循环在运行其他任务的时间占响应时间的比例</translation>
    </message>
    <message>
        <source>% GIL</source>
        <translation>% GIL</translation>
    </message>
    <message>
        <source>share of the response time waiting to take the interpreter lock</source>
        <translation>等待获取解释器锁的时间占响应时间的比例</translation>
    </message>
    <message>
        <source>% hand-off</source>
        <translation>% 往返传递</translation>
    </message>
    <message>
        <source>share of the response time on the way to a worker process and back</source>
        <translation>往返工作进程的时间占响应时间的比例</translation>
    </message>
    <message>
        <source>% unexplained</source>
        <translation>% 未解释</translation>
    </message>
    <message>
        <source>share of the response time the parts do not explain; for an HTTP target, all the server did</source>
        <translation>各部分无法解释的时间占响应时间的比例；对 HTTP 目标而言即服务器所做的一切</translation>
    </message>
</context>
<context>
    <name>conlab::ui::ResultsView</name>
    <message>
        <source>Copy as TSV</source>
        <translation>复制为 TSV</translation>
    </message>
</context>
<context>
    <name>conlab::ui::StepsTableModel</name>
    <message>
        <source>io: wait without using the CPU (an event loop awaits a timer; a thread has no choice but to block)</source>
        <translation>io：不占用 CPU 的等待（事件循环等待定时器；线程则只能阻塞）</translation>
    </message>
    <message>
        <source>blocking_io: a blocking call on whatever thread runs the task — inside a coroutine it freezes the loop</source>
        <translation>blocking_io：在运行该任务的线程上进行阻塞调用——在协程中会冻结事件循环</translation>
    </message>
    <message>
        <source>cpu: real computation, calibrated so 1 ms ≈ 1 ms on one core</source>
        <translation>cpu：真实计算，经过校准，1 ms ≈ 单核上的 1 ms</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长分布</translation>
    </message>
    <message>
        <source>ms (or mean)</source>
        <translation>ms（或均值）</translation>
    </message>
    <message>
        <source>min ms</source>
        <translation>最小 ms</translation>
    </message>
    <message>
        <source>max ms</source>
        <translation>最大 ms</translation>
    </message>
    <message>
        <source>io waits without a thread; blocking_io blocks the thread that runs it; cpu computes.</source>
        <translation>io 等待时不占用线程；blocking_io 会阻塞运行它的线程；cpu 做计算。</translation>
    </message>
    <message>
        <source>fixed: every task the same; uniform: drawn between min and max; exponential: drawn with the given mean (seeded).</source>
        <translation>fixed：每个任务相同；uniform：在最小值与最大值之间随机抽取；exponential：按给定均值随机抽取（带种子）。</translation>
    </message>
    <message>
        <source>Milliseconds at time scale 1: the fixed value, or the exponential&apos;s mean.</source>
        <translation>时间缩放为 1 时的毫秒数：固定值，或指数分布的均值。</translation>
    </message>
    <message>
        <source>Uniform only: the shortest duration, ms.</source>
        <translation>仅 uniform：最短时长，ms。</translation>
    </message>
    <message>
        <source>Uniform only: the longest duration, ms.</source>
        <translation>仅 uniform：最长时长，ms。</translation>
    </message>
    <message>
        <source>repeat × %1</source>
        <translation>重复 × %1</translation>
    </message>
    <message>
        <source>A repeat group: these steps done %1 times over, in order. Each task runs %2 steps in all. Change a repeat group in the experiment&apos;s file.</source>
        <translation>重复组：这些步骤按顺序执行 %1 遍。每个任务总共运行 %2 个步骤。重复组请在实验文件中修改。</translation>
    </message>
</context>
<context>
    <name>conlab::ui::SweepAxisEditor</name>
    <message>
        <source>arrival rate λ (tasks/s)</source>
        <translation>到达速率 λ（任务/s）</translation>
    </message>
    <message>
        <source>a step&apos;s duration (ms)</source>
        <translation>某个步骤的时长（ms）</translation>
    </message>
    <message>
        <source>CPU share of the work (0 to 1)</source>
        <translation>工作中 CPU 计算的占比（0 到 1）</translation>
    </message>
    <message>
        <source>The first value of the range</source>
        <translation>范围的第一个值</translation>
    </message>
    <message>
        <source>The last value of the range (included when a step lands on it)</source>
        <translation>范围的最后一个值（步进恰好落在它上时包含在内）</translation>
    </message>
    <message>
        <source>Linear: added to each value. Logarithmic: each value is the one before times this (2 doubles: 1, 2, 4, 8 …)</source>
        <translation>线性：每个值加上它。对数：每个值是前一个值乘以它（2 表示翻倍：1, 2, 4, 8 …）</translation>
    </message>
    <message>
        <source>The parameter this axis of the grid varies</source>
        <translation>网格的这一轴所变化的参数</translation>
    </message>
    <message>
        <source>step </source>
        <translation>步骤 </translation>
    </message>
    <message>
        <source>Which step of every variant&apos;s workload gets the swept duration (counting from 1)</source>
        <translation>每个变体工作负载中哪个步骤使用扫描的时长（从 1 开始计数）</translation>
    </message>
    <message>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>The values as a list, or as a range from, to, step</source>
        <translation>取值：列表，或由起点、终点、步长给出的范围</translation>
    </message>
    <message>
        <source>The values, separated by commas: run in this order when the sweep is not shuffled</source>
        <translation>取值，用逗号分隔：扫描不打乱时按此顺序运行</translation>
    </message>
    <message>
        <source>linear (+ step)</source>
        <translation>线性（+ 步长）</translation>
    </message>
    <message>
        <source>logarithmic (× step)</source>
        <translation>对数（× 步长）</translation>
    </message>
    <message>
        <source>How the range steps: adding the step, or multiplying by it</source>
        <translation>范围如何步进：加上步长，或乘以步长</translation>
    </message>
    <message>
        <source>from</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>to</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Parameter %1</source>
        <translation>参数 %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number (separate values with commas)</source>
        <translation>&apos;%1&apos; 不是数字（多个值请用逗号分隔）</translation>
    </message>
</context>
<context>
    <name>conlab::ui::SweepEditor</name>
    <message>
        <source>Sweep: run the experiment over a grid of one or two parameters</source>
        <translation>扫描：在一个或两个参数的网格上运行实验</translation>
    </message>
    <message>
        <source>off: one run</source>
        <translation>关闭：只运行一次</translation>
    </message>
    <message>
        <source>one parameter</source>
        <translation>一个参数</translation>
    </message>
    <message>
        <source>two parameters</source>
        <translation>两个参数</translation>
    </message>
    <message>
        <source>A sweep runs every variant at every point of the grid, repeats times each, and charts a metric against the parameter</source>
        <translation>扫描会在网格的每个点上运行每个变体，每次按重复次数运行，并绘制指标随参数变化的图表</translation>
    </message>
    <message>
        <source>shuffled (seeded)</source>
        <translation>打乱顺序（带种子）</translation>
    </message>
    <message>
        <source>as listed</source>
        <translation>按列出顺序</translation>
    </message>
    <message>
        <source>Shuffled spreads a drifting machine (heat, a backup starting) over the grid instead of drawing it as a trend</source>
        <translation>打乱顺序会把机器状态的漂移（发热、后台备份启动等）分散到整个网格上，而不是画成一条趋势</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
</context>
<context>
    <name>conlab::ui::SweepHeatmapItem</name>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>corner mark: measured makespan more than 10% from the simulation</source>
        <translation>角标：实测总耗时与模拟相差 10% 以上</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>尚未测量</translation>
    </message>
    <message>
        <source> (simulated %1)</source>
        <translation>（模拟值 %1）</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 在 %2：%3</translation>
    </message>
</context>
<context>
    <name>conlab::ui::SweepTableModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>Makespan</source>
        <translation>总耗时</translation>
    </message>
    <message>
        <source>Simulated makespan</source>
        <translation>模拟总耗时</translation>
    </message>
    <message>
        <source>vs simulation</source>
        <translation>与模拟相比</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Loop lag p99</source>
        <translation>循环延迟 p99</translation>
    </message>
    <message>
        <source>Measured slower than the simulation of this point: more than 10% is overhead or contention the ideal model does not have</source>
        <translation>实测比这个点的模拟慢：超过 10% 即是理想模型中没有的开销或争用</translation>
    </message>
    <message>
        <source>Measured faster than the simulation of this point: more than 10% means the model misses something here</source>
        <translation>实测比这个点的模拟快：超过 10% 说明模型在这里漏掉了某些因素</translation>
    </message>
</context>
<context>
    <name>conlab::ui::SweepText</name>
    <message>
        <source>step %1 (ms)</source>
        <translation>步骤 %1（ms）</translation>
    </message>
    <message>
        <source>step %1 = %2 ms</source>
        <translation>步骤 %1 = %2 ms</translation>
    </message>
    <message>
        <source>CPU share = %1</source>
        <translation>CPU 占比 = %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>adding to %1 does not pay: throughput at %2 (%3/s) is already within 5% of the best (%4/s at %5)</source>
        <translation>增加 %1 并不划算：%2 时的吞吐量（%3/s）已在最佳值（%5 时 %4/s）的 5% 以内</translation>
    </message>
    <message>
        <source>throughput still grows at the end of the sweep (%1/s at %2): no knee within it</source>
        <translation>扫描结束时吞吐量仍在增长（%2 时 %1/s）：扫描范围内没有拐点</translation>
    </message>
    <message>
        <source>the knee is at %1, where throughput is highest (%2/s); more %3 stops paying</source>
        <translation>拐点在 %1，此处吞吐量最高（%2/s）；再增加 %3 不再划算</translation>
    </message>
    <message>
        <source>the knee is at %1: throughput %2/s, within 5% of the best (%3/s at %4); more %5 stops paying</source>
        <translation>拐点在 %1：吞吐量 %2/s，在最佳值（%4 时 %3/s）的 5% 以内；再增加 %5 不再划算</translation>
    </message>
    <message>
        <source>USL fit of throughput: σ = %1 (contention), κ = %2 (coherency), λ = %3/s per unit, R² = %4</source>
        <translation>吞吐量的 USL 拟合：σ = %1（争用），κ = %2（一致性开销），λ = %3/s（每单位），R² = %4</translation>
    </message>
    <message>
        <source>; throughput peaks near %1</source>
        <translation>；吞吐量在 %1 附近达到峰值</translation>
    </message>
    <message>
        <source>measured makespan is within 10% of the simulation at all %1 points</source>
        <translation>在全部 %1 个点上，实测总耗时与模拟相差都在 10% 以内</translation>
    </message>
    <message>
        <source>measured and simulated makespan disagree by more than 10% at %1 of %2 points (worst at %3: %4 measured, %5 simulated, %6): overhead or contention the ideal model does not have</source>
        <translation>%2 个点中有 %1 个点的实测与模拟总耗时相差超过 10%（最大偏差在 %3：实测 %4，模拟 %5，%6）：这是理想模型中没有的开销或争用</translation>
    </message>
    <message>
        <source>measured and simulated makespan disagree by more than 10% at %1 of %2 points (worst at %3: %4 measured, %5 simulated, %6): faster than the simulation, so the model misses something here</source>
        <translation>%2 个点中有 %1 个点的实测与模拟总耗时相差超过 10%（最大偏差在 %3：实测 %4，模拟 %5，%6）：实测比模拟快，说明模型在这里漏掉了某些因素</translation>
    </message>
    <message>
        <source>%1 … %2 (%3 values)</source>
        <translation>%1 … %2（%3 个值）</translation>
    </message>
</context>
<context>
    <name>conlab::ui::TimelineItem</name>
    <message>
        <source>%1 task %2 on thread %3
submitted %4, started %5, ended %6
queue wait %7, service %8</source>
        <translation>%1 任务 %2，线程 %3
提交 %4，开始 %5，结束 %6
排队等待 %7，服务 %8</translation>
    </message>
    <message>
        <source>
waiting for the GIL %1 (hatched)</source>
        <translation>
等待 GIL %1（斜线部分）</translation>
    </message>
    <message>
        <source>a step on thread %1 from %2 to %3 (%4)
on a core %5, waiting for a core %6, blocked %7 (shares of the step, not their order)</source>
        <translation>线程 %1 上的一个步骤，从 %2 到 %3（%4）
在核心上运行 %5，等待核心 %6，阻塞 %7（步骤内的占比，而非先后顺序）</translation>
    </message>
    <message>
        <source>, waiting for the GIL %1 (hatched, where it happened)</source>
        <translation>，等待 GIL %1（斜线阴影，标在实际发生的位置）</translation>
    </message>
    <message>
        <source>%1 task %2: %3</source>
        <translation>%1 任务 %2：%3</translation>
    </message>
</context>
<context>
    <name>conlab::ui::VariantTableModel</name>
    <message>
        <source>(no steps)</source>
        <translation>（无步骤）</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>P (pool)</source>
        <translation>P（线程池）</translation>
    </message>
    <message>
        <source>L (loops)</source>
        <translation>L（循环数）</translation>
    </message>
    <message>
        <source>Offload</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>Workload (steps)</source>
        <translation>工作负载（步骤）</translation>
    </message>
    <message>
        <source>The variant&apos;s name in charts and tables, e.g. /a.</source>
        <translation>变体在图表和表格中的名称，例如 /a。</translation>
    </message>
    <message>
        <source>How tasks are scheduled onto threads. Hover a model in the list for its Python analogue.</source>
        <translation>任务如何调度到线程上。将鼠标悬停在列表中的模型上可查看对应的 Python 写法。</translation>
    </message>
    <message>
        <source>L: how many event loops, one per thread (multi_loop, like uvicorn --workers L).</source>
        <translation>L：事件循环的个数，每个线程一个（multi_loop，类似 uvicorn --workers L）。</translation>
    </message>
    <message>
        <source>qt_event_loop only: run blocking steps on a thread pool instead of the loop.</source>
        <translation>仅 qt_event_loop：把阻塞步骤交给线程池运行，而不是在事件循环上运行。</translation>
    </message>
    <message>
        <source>What each task does, step by step. Select the row to edit its steps below.</source>
        <translation>每个任务逐步做什么。选中该行即可在下方编辑其步骤。</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>Switch ms</source>
        <translation>切换间隔 ms</translation>
    </message>
    <message>
        <source>Bg CPU</source>
        <translation>后台 CPU</translation>
    </message>
    <message>
        <source>CPython&apos;s global interpreter lock: the variant&apos;s threads compute one at a time and give the lock up around waits. Unchecked: C++, or free-threaded Python 3.13t.</source>
        <translation>CPython 的全局解释器锁：该变体的线程一次只有一个在计算，等待时会释放这把锁。不勾选：C++，或自由线程的 Python 3.13t。</translation>
    </message>
    <message>
        <source>With a GIL: how long a waiting thread waits before it asks the holder to drop the lock (sys.getswitchinterval(), 5 ms by default).</source>
        <translation>有 GIL 时：等待的线程等多久才请求持有者释放锁（sys.getswitchinterval()，默认 5 ms）。</translation>
    </message>
    <message>
        <source>Threads in the same process that compute all the time beside the tasks, sharing the GIL when there is one: the convoy effect, or a noisy neighbour.</source>
        <translation>与任务同处一个进程、一直在计算的线程；有 GIL 时与任务共享它：用来观察护航效应，或嘈杂的邻居。</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>多进程</translation>
    </message>
    <message>
        <source>P: threads in the pool or executor that runs blocking work (worker processes for process_pool). A number, or a real-world default resolved on this machine: python_default_executor = min(32, cores + 4), anyio_default = 40, cores.</source>
        <translation>P：运行阻塞工作的线程池或执行器中的线程数（process_pool 中为工作进程数）。可以是数字，或在本机上解析的现实默认值：python_default_executor = min(32, cores + 4)，anyio_default = 40，cores。</translation>
    </message>
    <message>
        <source>multi_loop only: run the L loops as L worker processes, each with its own interpreter and GIL (uvicorn --workers L). Unchecked: L loop threads in one process, sharing one GIL.</source>
        <translation>仅 multi_loop：把 L 个事件循环作为 L 个工作进程运行，各有自己的解释器和 GIL（uvicorn --workers L）。不勾选：同一进程中的 L 个事件循环线程，共享一个 GIL。</translation>
    </message>
    <message>
        <source>%1 × (%2)</source>
        <translation>%1 × (%2)</translation>
    </message>
</context>
</TS>
