// Chinese for the modeller's most used labels (bpmn-js and its Camunda 7 properties panel speak
// English only): the panel's groups and a user task's, timer's and service task's fields, the palette.
// Words not listed here stay in English.
var ZH = {
  'General': '常规',
  'Documentation': '说明',
  'Element documentation': '元素说明',
  'Process documentation': '流程说明',
  'Name': '名称',
  'ID': 'ID',
  'Version tag': '版本标签',
  'Executable': '可执行',
  'History cleanup': '历史清理',
  'Time to live': '保留期限',
  'User assignment': '办理人与期限',
  'Assignee': '办理人',
  'Candidate groups': '候选组',
  'Candidate users': '候选用户',
  'Due date': '截止日期',
  'Follow up date': '跟进日期',
  'Priority': '优先级',
  'The due date as an EL expression (e.g. ${someDate}) or an ISO date (e.g. 2015-06-26T09:54:00).':
    '截止日期：EL 表达式（如 ${careCalendar.inDays(7)}）或 ISO 日期（如 2015-06-26T09:54:00）。',
  'Forms': '表单',
  'Form': '表单',
  'Type': '类型',
  'Form reference': '表单引用',
  'Binding': '绑定',
  'Version': '版本',
  'latest': '最新版本',
  'deployment': '同一部署',
  'version': '指定版本',
  'Camunda Form (linked)': 'Camunda 表单（引用）',
  'Camunda Form (embedded)': 'Camunda 表单（内嵌）',
  'Task listeners': '任务监听器',
  'Execution listeners': '执行监听器',
  'Listener type': '监听器类型',
  'Event type': '事件类型',
  'Asynchronous continuations': '异步继续',
  'Inputs': '输入',
  'Outputs': '输出',
  'Extension properties': '扩展属性',
  'Implementation': '实现',
  'Delegate expression': '委托表达式',
  'Expression': '表达式',
  'Java class': 'Java 类',
  'Result variable': '结果变量',
  'Decision reference': '决策引用',
  'Timer': '定时器',
  'Date': '日期',
  'Duration': '时长',
  'Cycle': '周期',
  'Value': '值',
  'Condition': '条件',
  'Condition expression': '条件表达式',
  'Called element': '被调用的流程',
  'Business key': '业务键',
  'Message': '消息',
  'Tasklist': '任务列表',
  'Startable': '可在任务列表中启动',
  'Activate hand tool': '抓手工具',
  'Activate lasso tool': '框选工具',
  'Activate create/remove space tool': '插入/删除空白',
  'Activate global connect tool': '连线工具',
  'Create start event': '开始事件',
  'Create intermediate/boundary event': '中间/边界事件',
  'Create end event': '结束事件',
  'Create gateway': '网关',
  'Create task': '任务',
  'Create expanded sub-process': '子流程',
  'Create data object reference': '数据对象',
  'Create data store reference': '数据存储',
  'Create pool/participant': '泳池/参与者',
  'Create group': '分组',
  'Append task': '追加任务',
  'Append end event': '追加结束事件',
  'Append gateway': '追加网关',
  'Append intermediate/boundary event': '追加中间事件',
  'Change element': '更改类型',
  'Delete': '删除',
  'Connect using sequence/message flow or association': '连线',
  'User Task': '用户任务',
  'Service Task': '服务任务',
  'Business Rule Task': '业务规则任务'
};

/** A bpmn-js module that translates with the dictionary above when the page is in Chinese. */
export function chineseWhenPageIs() {
  var zh = (document.documentElement.lang || '').toLowerCase().indexOf('zh') === 0;
  if (!zh) {
    return [];
  }
  function translate(template, replacements) {
    var text = ZH[template] || template;
    replacements = replacements || {};
    return text.replace(/{([^}]+)}/g, function (all, key) {
      return replacements[key] !== undefined ? replacements[key] : all;
    });
  }
  return [{ translate: ['value', translate] }];
}
